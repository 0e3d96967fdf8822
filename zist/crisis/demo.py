"""Demo data of Qazvin's crisis management master plan (1398), in Persian: the records
are in data/demo.json (loaded by zist.demo.datafile); this module adds what services
make of them (remedial actions for gaps and findings, the first plan approved).

Events marked "real" in the file follow published accounts (rounded figures); the rest
are plausible demo data and say so in their source.
"""

from __future__ import annotations

from pathlib import Path

from django.utils import translation

from zist.actions.models import Action
from zist.core import calendars
from zist.crisis import models as m
from zist.crisis.services import plan as plan_service
from zist.crisis.services import remedies
from zist.demo import datafile
from zist.users.models import User

QAZVIN = "شهرداری قزوین"
DATA = Path(__file__).parent / "data" / "demo.json"


def load() -> dict[str, int]:
    """Create what is missing of the Qazvin crisis plan; return the counts created."""
    counts = datafile.load(DATA)
    if not counts:
        return counts
    with translation.override("fa"), calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS):
        _remedies_and_approval()
    return counts


def _remedies_and_approval() -> None:
    manager = User.objects.filter(username="qazvin.crisis").first()
    for gap in m.CapabilityGap.objects.filter(agency__unit__organisation__name=QAZVIN):
        if not Action.objects.for_source(gap).exists():
            remedies.track_gap(gap, owner=manager)
    for finding in m.DrillFinding.objects.filter(drill__unit__organisation__name=QAZVIN):
        if not Action.objects.for_source(finding).exists():
            remedies.track_finding(finding, owner=manager)
    first = m.MasterPlan.objects.filter(unit__organisation__name=QAZVIN, version="۱۳۹۸").first()
    if first is not None and first.status == m.PlanStatus.DRAFT and manager is not None:
        plan_service.approve(first, manager)
