"""Workflow steps of a nonconformity that are more than editing a field."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from zist.actions.models import Action, ActionKind
from zist.nonconformities.models import Effectiveness, Nonconformity, Status


def add_action(nc: Nonconformity, *, title: str, kind=ActionKind.CORRECTIVE, **fields) -> Action:
    """A correction or corrective action for `nc`, on the nonconformity's unit. Planning
    an action moves a nonconformity that has reached analysis on to "corrective actions"."""
    action = Action(unit=nc.unit, title=title, kind=kind, source=nc, **fields)
    action.full_clean()
    with transaction.atomic():
        action.save()
        if kind == ActionKind.CORRECTIVE and nc.status == Status.ANALYSIS:
            nc.status = Status.ACTION
            nc.full_clean()
            nc.save()
    return action


def record_effectiveness(
    nc: Nonconformity, *, user, effective: bool, notes: str = "", on: dt.date | None = None
) -> Nonconformity:
    """Record the effectiveness check. Effective: the nonconformity closes (refused,
    with a ValidationError, while actions are open). Not effective: it is reopened at
    the corrective-action step so that new actions can be planned."""
    nc.checked_by = user
    nc.checked_on = on or timezone.localdate()
    nc.effectiveness_notes = notes
    if effective:
        nc.effectiveness = Effectiveness.EFFECTIVE
        nc.status = Status.CLOSED
    else:
        nc.effectiveness = Effectiveness.INEFFECTIVE
        nc.status = Status.ACTION
    nc.full_clean()
    nc.save()
    return nc
