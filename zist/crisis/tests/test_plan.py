import datetime as dt

import pytest
from django.urls import reverse

from zist.crisis.models import HazardEvent, MasterPlan, PlanStatus
from zist.crisis.services.indicators import sendai
from zist.crisis.testing import hazard


def test_it_computes_sendai_indicators():
    events = [(2000, 10, 30, 70, 1000), (2004, 0, 5, 0, None), (1990, 99, 0, 0, 0)]
    a, b, c = sendai(events, 2000, 2009, population=400_000)
    assert (a.total, a.per_year, a.per_100k_per_year) == (10, 1.0, 0.25)
    assert (b.total, b.per_year) == (105, 10.5)
    assert b.per_100k_per_year == pytest.approx(2.625)
    assert (c.total, c.per_100k_per_year) == (1000, None)


def test_it_assembles_approves_and_freezes_the_plan(cast, make_user, client):
    quake = hazard(cast.inside)
    HazardEvent.objects.create(
        hazard=quake, title="Old quake", date=dt.date(2002, 6, 22), severity=5, deaths=3
    )
    plan = MasterPlan.objects.create(unit=cast.inside, title="Master plan", version="1")
    reader = make_user("environmental_manager", cast.inside)
    client.force_login(reader)
    page = client.get(reverse("crisis:masterplan_document", args=[plan.pk])).content.decode()
    assert "Old quake" in page and "A: deaths" in page
    # Only the crisis manager's role approves.
    assert client.post(reverse("crisis:masterplan_approve", args=[plan.pk])).status_code == 404
    client.force_login(make_user("crisis_manager", cast.inside))
    client.post(reverse("crisis:masterplan_approve", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED and plan.approved_on and "Old quake" in plan.document
    HazardEvent.objects.create(
        hazard=quake, title="New flood", date=dt.date(2024, 1, 1), severity=2
    )
    frozen = client.get(reverse("crisis:masterplan_document", args=[plan.pk])).content.decode()
    assert "Old quake" in frozen and "New flood" not in frozen
    edit = client.post(
        reverse("crisis:masterplan_edit", args=[plan.pk]),
        {"unit": cast.inside.pk, "title": "Changed", "version": "1"},
    )
    assert edit.status_code == 400


def test_it_freezes_the_approval_itself_into_the_document(cast, make_user):
    from zist.crisis.services.plan import approve

    plan = MasterPlan.objects.create(unit=cast.inside, title="Plan", version="1")
    manager = make_user("crisis_manager", cast.inside, first_name="Hossein")
    approve(plan, manager)
    assert "approved by" in plan.document and "No approved version yet" not in plan.document
