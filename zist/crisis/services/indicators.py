"""Sendai-framework style outcome indicators from the recorded hazard events:
target A (mortality), B (affected people: injured and displaced), C (direct economic
loss), as totals and as yearly averages per 100 000 people over the period."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Indicator:
    """One Sendai target's figure: total, yearly average and yearly rate per 100 000."""

    code: str
    total: float
    per_year: float
    per_100k_per_year: float | None


def sendai(events: list[tuple], first_year: int, last_year: int, population: int | None):
    """`events` are (year, deaths, injured, displaced, economic_loss or None); the
    period is first_year..last_year inclusive."""
    years = last_year - first_year + 1
    if years < 1:
        raise ValueError("empty period")
    inside = [e for e in events if first_year <= e[0] <= last_year]
    totals = {
        "A": sum(e[1] for e in inside),
        "B": sum(e[2] + e[3] for e in inside),
        "C": sum(float(e[4] or 0) for e in inside),
    }
    result = []
    for code, total in totals.items():
        per_year = total / years
        rate = per_year / population * 100_000 if population and code != "C" else None
        result.append(Indicator(code, total, per_year, rate))
    return result
