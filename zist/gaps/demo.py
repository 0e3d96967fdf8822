"""Kemi's gap assessment of the whole city against ISO 14001 (data/demo.json): the
answers every requirement gets, the evidence found in the registers linked, the
statuses the environmental team gave, and three gaps turned into actions, all when the
assessment is created; a later load changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from django.utils import translation

from zist.demo import datafile
from zist.gaps import services
from zist.gaps.models import Assessment
from zist.users.models import User

DATA = Path(__file__).parent / "data" / "demo.json"


def load() -> dict[str, int]:
    counts = datafile.load(DATA)
    data = json.loads(DATA.read_text(encoding="utf-8"))
    spec, language = data["answers"], data["language"]
    assessment = Assessment.objects.filter(
        unit__organisation__name="Kemin kaupunki", title=spec["assessment"][1]
    ).first()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    # Only when the assessment is new: registers loaded after this app (obligations,
    # reviews, training) would otherwise add evidence on every later load.
    if assessment is None or admin is None or assessment.answers.exists():
        return counts
    services.ensure_answers(assessment, admin)
    counts["evidence links"] = services.link_suggestions(assessment, admin)
    answers = {a.requirement.number: a for a in assessment.answers.select_related("requirement")}
    for number, (status, notes, *reason) in spec["status"].items():
        answer = answers[number]
        if not answer.status and answer.assign(
            {"status": status, "notes": notes, "reason": reason[0] if reason else ""}
        ):
            answer.full_clean()
            answer._history_user = admin
            answer.save()
    # The actions are written in the city's language, as its team would write them.
    with translation.override(language):
        for number in spec["actions"]:
            services.gap_to_action(answers[number], admin)
    return counts
