"""Delphi rounds: the feedback of the group (median and interquartile range) and the
consensus rule that stops the rounds."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Feedback:
    """What participants see of the group's answers in a round (never who said what)."""

    n: int
    median: float
    q1: float
    q3: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1


def feedback(values: list[float]) -> Feedback:
    """Median and quartiles by linear interpolation between the closest ranks
    (`statistics.quantiles(method="inclusive")`, like a spreadsheet's QUARTILE.INC)."""
    if not values:
        raise ValueError("no scores")
    if len(values) == 1:
        return Feedback(1, float(values[0]), float(values[0]), float(values[0]))
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Feedback(len(values), median, q1, q3)


def has_consensus(feedbacks: list[Feedback], max_iqr: float) -> bool:
    """Consensus when every question's interquartile range is at most `max_iqr`."""
    return bool(feedbacks) and all(item.iqr <= max_iqr for item in feedbacks)
