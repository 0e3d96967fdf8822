"""The three-year certification cycle (ISO/IEC 17021-1), as pure functions.

From the certification decision date: the certificate is valid three years; the first
surveillance audit is due no later than 12 months after the decision, the second
within the second year, with at least one audit in every calendar year; the
recertification audit (and its decision) must be completed before expiry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from zist.core.calendars import add_months

SURVEILLANCE_1, SURVEILLANCE_2, RECERTIFICATION = "surveillance1", "surveillance2", "recert"


@dataclass(frozen=True)
class Milestone:
    """An audit of the cycle: done in the window from `opens` to `deadline`."""

    key: str
    audit_kind: str  # zist.audits.models.AuditKind value
    opens: dt.date
    deadline: dt.date


@dataclass(frozen=True)
class Cycle:
    decision: dt.date
    expiry: dt.date
    milestones: tuple[Milestone, ...]


def expiry_date(decision: dt.date) -> dt.date:
    """Valid three years from the decision: the day before its third anniversary."""
    return add_months(decision, 36) - dt.timedelta(days=1)


def certification_cycle(decision: dt.date) -> Cycle:
    """The audits of the cycle that starts with a certification decision.

    Example: decision 21 January 2024 → surveillance 1 by 21 January 2025,
    surveillance 2 from 22 January 2025 to 21 January 2026, recertification from
    22 January 2026 to the expiry on 20 January 2027.
    """
    year1, year2 = add_months(decision, 12), add_months(decision, 24)
    expiry = expiry_date(decision)
    one_day = dt.timedelta(days=1)
    return Cycle(
        decision,
        expiry,
        (
            Milestone(SURVEILLANCE_1, "surveillance", decision + one_day, year1),
            Milestone(SURVEILLANCE_2, "surveillance", year1 + one_day, year2),
            Milestone(RECERTIFICATION, "recertification", year2 + one_day, expiry),
        ),
    )


def cycle_decisions(first_decision: dt.date, today: dt.date) -> list[dt.date]:
    """Decision dates of successive cycles renewed on time since `first_decision`, up
    to the cycle running on `today` (each renewal decided on the previous cycle's
    third anniversary)."""
    decisions = [first_decision]
    while add_months(decisions[-1], 36) <= today:
        decisions.append(add_months(decisions[-1], 36))
    return decisions


def next_milestone(cycle: Cycle, done: Iterable[tuple[str, dt.date]]) -> Milestone | None:
    """The first audit of the cycle not yet done; `done` holds (audit kind, date) of
    completed external audits. An audit counts for the earliest open milestone of
    its kind whose window contains its date."""
    remaining = list(cycle.milestones)
    for kind, day in sorted(done, key=lambda pair: pair[1]):
        for milestone in remaining:
            if milestone.audit_kind == kind and milestone.opens <= day <= milestone.deadline:
                remaining.remove(milestone)
                break
    return remaining[0] if remaining else None


def years_without_audit(audit_dates: Iterable[dt.date], start: dt.date, end: dt.date) -> list[int]:
    """Calendar years between `start` and `end` (inclusive) without any audit: each
    calendar year needs at least one."""
    audited = {day.year for day in audit_dates}
    return [year for year in range(start.year, end.year + 1) if year not in audited]
