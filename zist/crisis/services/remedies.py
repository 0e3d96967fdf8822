"""Remedies of capability gaps and drill findings become tracked actions
(`zist.actions.Action`, linked back with `source`)."""

from __future__ import annotations

from zist.actions.models import Action, ActionKind


def track_remedy(source, unit, title: str, due_date=None, kind=ActionKind.REMEDY, owner=None):
    """Create the action for `source`'s remedy, or update the one already made; no
    remedy text means no action (an existing one is left as it is)."""
    if not title:
        return None
    action = Action.objects.for_source(source).first()
    if action is None:
        action = Action(source=source, kind=kind, owner=owner)
    action.unit = unit
    action.title = title
    action.due_date = due_date
    action.full_clean()
    action.save()
    return action


def track_gap(gap, owner=None):
    """The remedy action of a capability gap (kind: remedy)."""
    return track_remedy(
        gap, gap.scenario.unit, gap.remedy, gap.remedy_due, ActionKind.REMEDY, owner
    )


def track_finding(finding, owner=None):
    """The corrective action of a drill finding."""
    return track_remedy(
        finding,
        finding.drill.unit,
        finding.remedy,
        finding.remedy_due,
        ActionKind.CORRECTIVE,
        owner,
    )
