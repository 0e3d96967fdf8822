"""Kemi's continual improvement (data/demo.json): two resource-wisdom reviews, the day-care
food service and the depot's vehicle fleet, with their value streams and findings, a
few improvement ideas, and a food-waste indicator with values before and after. After
the load the plate-waste finding is accepted (it becomes an Action, done) and its
saving is verified from the indicator, as a user's accept and save would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from zist.actions.models import ActionStatus
from zist.demo import datafile
from zist.improvement import services
from zist.improvement.models import Finding

DATA = Path(__file__).parent / "data" / "demo.json"
ACCEPTED = "Lautas- ja tarjoiluhävikki"


def load() -> dict[str, int]:
    counts = datafile.load(DATA, prepare={Finding: services.verify})
    finding = Finding.objects.filter(
        title=ACCEPTED, review__unit__organisation__name="Kemin kaupunki"
    ).first()
    if finding is not None and finding.action_id is None:
        action = services.accept_finding(finding, due_date=dt.date(2025, 8, 15))
        action.status = ActionStatus.DONE
        action.completed_on = dt.date(2025, 8, 12)
        action.full_clean()
        action.save()
        finding.refresh_from_db()
        finding.status = "done"
        finding.full_clean()
        finding.save()
        counts["improvement actions"] = counts.get("improvement actions", 0) + 1
    return counts
