import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from zist.actions.models import Action, ActionKind
from zist.crisis.models import Drill, DrillTiming
from zist.crisis.testing import drill, scenario_, step


def test_it_needs_a_date_for_a_drill_held(cast):
    exercise = Drill(unit=cast.inside, title="x", planned_on=dt.date(2025, 1, 1), status="held")
    with pytest.raises(ValidationError):
        exercise.full_clean()


def test_it_compares_measured_times_with_targets(cast):
    timing = DrillTiming.objects.create(
        drill=drill(cast.inside), step=step(cast.inside), measured_minutes=42
    )
    assert timing.overrun == 12  # target 30


def test_it_turns_findings_and_gap_remedies_into_actions(cast, make_user):
    api = APIClient()
    api.force_authenticate(make_user("crisis_manager", cast.inside))
    exercise = drill(cast.inside)
    made = api.post(
        "/api/crisis/drillfindings/",
        {
            "drill": exercise.pk,
            "description": "Radios failed",
            "remedy": "Spare batteries",
            "remedy_due": "2026-01-31",
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    action = Action.objects.get()
    assert (action.kind, action.title, action.unit) == (
        ActionKind.CORRECTIVE,
        "Spare batteries",
        cast.inside,
    )
    assert action.source.pk == made.json()["id"]
    api.patch(f"/api/crisis/drillfindings/{made.json()['id']}/", {"remedy": "New radios"})
    assert list(Action.objects.values_list("title", flat=True)) == ["New radios"]

    parent = scenario_(cast.inside)
    agency = parent.unit.crisis_agencies.create(name="Gas company")
    gap = api.post(
        "/api/crisis/capabilitygaps/",
        {
            "scenario": parent.pk,
            "agency": agency.pk,
            "category": "hardware",
            "kind": "skills",
            "description": "No shut-off valves",
        },
        format="json",
    )
    assert gap.status_code == 400  # skills are software
    gap = api.post(
        "/api/crisis/capabilitygaps/",
        {
            "scenario": parent.pk,
            "agency": agency.pk,
            "category": "hardware",
            "kind": "equipment",
            "description": "No automatic shut-off valves",
            "remedy": "Fit seismic shut-off valves",
        },
        format="json",
    )
    assert gap.status_code == 201
    assert Action.objects.filter(kind=ActionKind.REMEDY).get().source.pk == gap.json()["id"]


def test_it_shows_the_trend_over_drills(cast, make_user, client):
    for day, speed in ((1, 2), (2, 4)):
        Drill.objects.create(
            unit=cast.inside,
            title=f"Drill {day}",
            planned_on=dt.date(2025, 1, day),
            held_on=dt.date(2025, 1, day),
            status="held",
            speed=speed,
            flexibility=3,
            quality=3,
            efficiency=2,
        )
    client.force_login(make_user("crisis_manager", cast.inside))
    page = client.get(reverse("crisis:drill_trend")).content.decode()
    assert page.count("<polyline") == 4
    assert "Drill 2" in page


def test_it_reminds_the_crisis_staff_of_planned_drills(cast, make_user):
    from zist.core.due import collect

    exercise = drill(cast.inside)  # planned for 2025-05-01
    Drill.objects.create(unit=cast.outside, title="Elsewhere", planned_on=dt.date(2025, 5, 1))
    manager = make_user("crisis_manager", cast.inside)
    items = [i for i in collect(manager, dt.date(2025, 6, 1)) if i.key.startswith("crisis-")]
    assert [item.title for item in items] == [exercise.title]
    viewer = make_user("viewer", cast.inside)
    assert not [i for i in collect(viewer, dt.date(2025, 6, 1)) if i.key.startswith("crisis-")]


def test_it_titles_the_drill_score_chart_in_the_readers_language():
    from django.utils import translation

    from zist.crisis.services import diagrams

    with translation.override("fa"):
        chart = diagrams.line_chart(["1", "2"], [("Alarm", [3.0, 4.0])])
    assert "<title>امتیاز مانورها در طول زمان</title>" in chart
