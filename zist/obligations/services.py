"""Due dates and last results of compliance obligations."""

from __future__ import annotations

import datetime as dt

from zist.core.calendars import add_months
from zist.obligations.models import ComplianceEvaluation, Obligation


def next_due(
    last_evaluated_on: dt.date | None, frequency_months: int, first_due: dt.date
) -> dt.date:
    """When the next evaluation falls due: `frequency_months` after the last one, or
    `first_due` when the obligation has never been evaluated."""
    if last_evaluated_on is None:
        return first_due
    return add_months(last_evaluated_on, frequency_months)


def refresh(obligation: Obligation) -> Obligation:
    """Recompute the obligation's last evaluation, last result and next due date from
    its evaluations; save only when something changed (no empty history rows)."""
    latest = (
        ComplianceEvaluation.objects.filter(obligation=obligation)
        .order_by("-evaluated_on", "-pk")
        .first()
    )
    first_due = obligation.valid_from or obligation.created.date()
    values = {
        "last_evaluated_on": latest.evaluated_on if latest else None,
        "last_result": latest.result if latest else "",
        "next_evaluation_due": next_due(
            latest.evaluated_on if latest else None, obligation.frequency_months, first_due
        ),
    }
    changed = [name for name, value in values.items() if getattr(obligation, name) != value]
    if changed:
        for name in changed:
            setattr(obligation, name, values[name])
        obligation.save(update_fields=[*changed, "last_updated"])
    return obligation
