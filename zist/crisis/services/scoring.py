"""Criteria scoring: aggregating individual scores and placing the result on a risk
matrix."""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

LOW, MEDIUM, HIGH, VERY_HIGH = "low", "medium", "high", "very_high"


@dataclass(frozen=True)
class Aggregate:
    """A group score with its dispersion (sample standard deviation; 0 for one score)."""

    value: float
    dispersion: float
    n: int


def aggregate(values: list[float], method: str = "mean") -> Aggregate:
    """Mean ("mean") or geometric mean ("geometric") of the scores."""
    if not values:
        raise ValueError("no scores")
    if method == "geometric":
        value = math.exp(sum(math.log(v) for v in values) / len(values))
    elif method == "mean":
        value = statistics.fmean(values)
    else:
        raise ValueError(f"unknown aggregation {method!r}")
    dispersion = statistics.stdev(values) if len(values) > 1 else 0.0
    return Aggregate(value, dispersion, len(values))


def to_level(value: float, levels: int) -> int:
    """The matrix row/column a score falls in: rounded half up, kept within 1..levels."""
    return min(levels, max(1, math.floor(value + 0.5)))


def risk_level(
    likelihood: float,
    impact: float,
    levels: tuple[int, int] = (5, 5),
    bands: tuple[int, int, int] = (4, 8, 15),
) -> str:
    """Band of the matrix cell of (likelihood, impact): the cell's score is the
    product of its levels; `bands` are the scores from which medium, high and very
    high begin."""
    score = to_level(likelihood, levels[0]) * to_level(impact, levels[1])
    medium, high, very_high = bands
    if score >= very_high:
        return VERY_HIGH
    if score >= high:
        return HIGH
    if score >= medium:
        return MEDIUM
    return LOW
