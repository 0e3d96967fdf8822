"""Retention decisions: who may take them and how they are recorded."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from zist.core.querysets import scope_paths
from zist.organisations.models import Unit
from zist.records.models import Record

REFUSED = _("You may not decide what happens to this record.")


def may_decide(user, unit) -> bool:
    """Only people who may `approve` records on the unit decide what happens to them."""
    paths = scope_paths(user, Record, "approve")
    if paths is None:
        return True
    # Read the path from the database: a unit moved since it was loaded has a new one.
    unit_path = Unit.objects.filter(pk=getattr(unit, "pk", None)).values_list("path", flat=True)
    unit_path = unit_path.first()
    return bool(unit_path) and any(unit_path.startswith(path) for path in paths)


def decision_changed(pk, decision: str, keep_until) -> bool:
    """Whether saving these values changes the stored decision of record `pk`."""
    stored = Record._base_manager.filter(pk=pk).values_list("decision", "keep_until").first()
    return (decision or "", keep_until) != (stored or ("", None))
