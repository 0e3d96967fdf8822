"""Progress and status of an objective: pure functions over numbers and dates, tested
against worked examples.

progress = (current − baseline) / (target − baseline), as a percentage between 0 and
100; it works for targets below the baseline (cut energy use from 1000 to 800 MWh: at
900 MWh the objective is 50 % of the way) as well as above it.

Status compares progress with the share of the time elapsed between the start and the
deadline: within 10 points of it (or ahead) is on track.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

NOT_STARTED = "not_started"
ON_TRACK = "on_track"
BEHIND = "behind"
ACHIEVED = "achieved"
MISSED = "missed"

# Percentage points of progress an objective may lag the elapsed time and still be on
# track.
TOLERANCE = Decimal(10)


def progress_percent(baseline, target, current) -> Decimal | None:
    """Share of the way from baseline to target reached by `current` (0–100), or None
    when it cannot be computed."""
    if baseline is None or target is None or current is None:
        return None
    baseline, target, current = Decimal(baseline), Decimal(target), Decimal(current)
    if target == baseline:
        return None
    share = (current - baseline) / (target - baseline) * 100
    return min(max(share, Decimal(0)), Decimal(100)).quantize(Decimal("0.1"))


def elapsed_percent(start: dt.date, deadline: dt.date, today: dt.date) -> Decimal:
    """Share of the time from start to deadline that has passed (0–100)."""
    if deadline <= start:
        return Decimal(100)
    share = Decimal((today - start).days) / Decimal((deadline - start).days) * 100
    return min(max(share, Decimal(0)), Decimal(100))


def status(
    progress: Decimal | None, start: dt.date | None, deadline: dt.date | None, today: dt.date
) -> str:
    """Not started, on track, behind, achieved or missed."""
    if progress is not None and progress >= 100:
        return ACHIEVED
    if deadline is not None and today > deadline:
        return MISSED
    if progress is None:
        return NOT_STARTED
    if start is None or deadline is None:
        return ON_TRACK
    expected = elapsed_percent(start, deadline, today)
    return ON_TRACK if progress + TOLERANCE >= expected else BEHIND


def mean_progress(values: list[int]) -> Decimal | None:
    """A programme's progress: the mean progress of its tasks (None without tasks)."""
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.1"))
