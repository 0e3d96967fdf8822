"""Aspects evaluated and re-evaluated through the register (pages and API)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from zist.aspects.models import Activity, Aspect, Criterion, OverrideRule
from zist.aspects.testing import make_criteria_set
from zist.obligations.models import Obligation
from zist.users.roles import Role


@pytest.fixture
def setup(cast, make_user, client):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    client.force_login(manager)
    criteria_set = make_criteria_set(cast.region)
    activity = Activity.objects.create(unit=cast.inside, code="sweep", name="Street sweeping")
    law = Obligation.objects.create(
        unit=cast.region, reference="EPA-1353", title="Air pollution act", kind="law"
    )
    return criteria_set, activity, law


def _add(client, activity, name, scores, **extra):
    data = {
        "activity": activity.pk,
        "name": name,
        "condition": "normal",
        "life_cycle_stage": "production",
        "control": "direct",
        "scores": scores,
        **extra,
    }
    response = client.post(reverse("aspects:aspect_add"), data)
    assert response.status_code == 302, response.content
    return Aspect.objects.get(name=name)


def test_it_stores_score_significance_and_reason(setup, client):
    criteria_set, activity, law = setup
    aspect = _add(client, activity, "Dust", "severity=3; probability=3; extent=3")
    assert aspect.criteria_set == criteria_set  # found on the parent unit
    assert aspect.score == 27 and aspect.significant
    assert aspect.significance_basis == "score"


def test_it_makes_a_lower_score_significant_by_a_legal_obligation(setup, client):
    _criteria_set, activity, law = setup
    plain = _add(client, activity, "Noise", "severity=4; probability=3; extent=2")
    assert plain.score == 24 and not plain.significant
    legal = _add(
        client, activity, "Exhaust", "severity=4; probability=3; extent=2", obligations=[law.pk]
    )
    assert legal.score == 24 and legal.significant
    assert legal.significance_basis == "legal_obligation"
    assert "EPA-1353" in legal.significance_reason
    page = client.get(legal.get_absolute_url())
    assert "EPA-1353" in page.content.decode()


def test_it_refuses_scores_outside_the_scale(setup, client):
    _criteria_set, activity, _law = setup
    response = client.post(
        reverse("aspects:aspect_add"),
        {
            "activity": activity.pk,
            "name": "Bad",
            "condition": "normal",
            "life_cycle_stage": "production",
            "control": "direct",
            "scores": "severity=9; probability=3; extent=3",
        },
    )
    assert response.status_code == 400
    assert "severity" in str(response.context["form"].errors["scores"])
    assert not Aspect.objects.filter(name="Bad").exists()


def test_it_reevaluates_the_register_when_the_criteria_change(setup, client):
    criteria_set, activity, _law = setup
    aspect = _add(client, activity, "Dust", "severity=3; probability=3; extent=3")
    response = client.post(
        reverse("aspects:criteriaset_edit", args=[criteria_set.pk]),
        {
            "unit": criteria_set.unit_id,
            "name": criteria_set.name,
            "method": "product",
            "threshold": "30",
        },
    )
    assert response.status_code == 302
    aspect.refresh_from_db()
    assert aspect.score == 27 and not aspect.significant
    old, new = aspect.history.order_by("history_date", "history_id")[:2]
    assert (old.score, old.significant) == (Decimal(27), True)
    history = client.get(reverse("aspects:aspect_history", args=[aspect.pk])).content.decode()
    assert old.significance_reason != new.significance_reason
    assert old.significance_reason in history and new.significance_reason in history


def test_it_reevaluates_when_a_criterion_weight_changes(setup, client):
    criteria_set, activity, _law = setup
    aspect = _add(client, activity, "Noise", "severity=4; probability=3; extent=2")
    severity = Criterion.objects.get(criteria_set=criteria_set, code="severity")
    response = client.post(
        reverse("aspects:criterion_edit", args=[severity.pk]),
        {
            "criteria_set": criteria_set.pk,
            "code": "severity",
            "name": "Severity",
            "minimum": 1,
            "maximum": 5,
            "weight": "2",
            "order": 0,
        },
    )
    assert response.status_code == 302
    aspect.refresh_from_db()
    assert aspect.score == 48 and aspect.significant
    assert [h.significant for h in aspect.history.order_by("history_date", "history_id")] == [
        False,
        True,
    ]


def test_it_reevaluates_when_an_emergency_rule_is_added(setup, client):
    criteria_set, activity, _law = setup
    aspect = _add(
        client, activity, "Fuel spill", "severity=4; probability=1; extent=2", condition="emergency"
    )
    assert not aspect.significant
    severity = Criterion.objects.get(criteria_set=criteria_set, code="severity")
    response = client.post(
        reverse("aspects:overriderule_add"),
        {
            "criteria_set": criteria_set.pk,
            "kind": "criterion_at_least",
            "condition": "emergency",
            "criterion": severity.pk,
            "minimum": 4,
        },
    )
    assert response.status_code == 302
    aspect.refresh_from_db()
    assert aspect.significant and aspect.significance_basis == "rule"
    assert OverrideRule.objects.filter(criteria_set=criteria_set).count() == 2


def test_it_reevaluates_when_an_obligation_stops_being_active(setup, client, cast, make_user):
    _criteria_set, activity, law = setup
    aspect = _add(
        client, activity, "Exhaust", "severity=4; probability=3; extent=2", obligations=[law.pk]
    )
    assert aspect.significant
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = api.patch(
        f"/api/obligations/obligations/{law.pk}/", {"active": False}, format="json"
    )
    assert response.status_code == 200, response.content
    aspect.refresh_from_db()
    assert not aspect.significant


def test_it_evaluates_aspects_written_through_the_api(setup, cast, make_user):
    _criteria_set, activity, _law = setup
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    response = api.post(
        "/api/aspects/aspects/",
        {
            "activity": activity.pk,
            "name": "Dust",
            "scores": {"severity": 3, "probability": 3, "extent": 3},
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["significant"] is True
    assert response.json()["score"] == "27.00"


def test_an_aspect_made_through_the_page_or_the_api_has_the_same_single_history_row(
    setup, client, cast, make_user
):
    _criteria_set, activity, law = setup
    on_page = _add(
        client, activity, "Page", "severity=4; probability=3; extent=2", obligations=[law.pk]
    )
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = api.post(
        "/api/aspects/aspects/",
        {
            "activity": activity.pk,
            "name": "Api",
            "condition": "normal",
            "life_cycle_stage": "production",
            "control": "direct",
            "obligations": [law.pk],
            "scores": {"severity": 4, "probability": 3, "extent": 2},
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    through_api = Aspect.objects.get(name="Api")
    fields = [
        "criteria_set_id",
        "scores",
        "score",
        "significant",
        "significance_basis",
        "significance_reason",
        "history_type",
    ]

    def rows(aspect):
        return [
            {name: getattr(row, name) for name in fields}
            for row in aspect.history.order_by("history_id")
        ]

    assert len(rows(on_page)) == 1
    assert rows(through_api) == rows(on_page)
    assert rows(on_page)[0]["significance_basis"] == "legal_obligation"
    # A change through the API is one more row too, evaluated before it is saved.
    response = api.patch(
        f"/api/aspects/aspects/{through_api.pk}/",
        {"scores": {"severity": 5, "probability": 5, "extent": 5}},
        format="json",
    )
    assert response.status_code == 200, response.content
    last = rows(through_api)
    assert len(last) == 2 and last[-1]["score"] == Decimal(125)


def test_it_draws_the_significance_map(setup, client):
    criteria_set, activity, _law = setup
    _add(client, activity, "Dust", "severity=3; probability=3; extent=3")
    _add(client, activity, "Noise", "severity=1; probability=1; extent=1")
    response = client.get(reverse("aspects:aspect_map"), {"criteria_set": criteria_set.pk})
    assert response.status_code == 200
    cells = {
        (row["value"], cell["value"]): cell["heat"]
        for row in response.context["rows"]
        for cell in row["cells"]
    }
    assert cells[(3, 3)] == "significant"
    assert cells[(1, 1)] == "low"
    assert cells[(5, 5)] == "empty"
    assert [a.name for a in response.context["ranked"]] == ["Dust", "Noise"]


def test_it_offers_one_field_per_criterion_when_the_activity_is_known(setup, client):
    criteria_set, activity, _law = setup
    form = client.get(reverse("aspects:aspect_add"), {"activity": activity.pk}).context["form"]
    assert [f for f in form.fields if f.startswith("score_")] == [
        "score_severity",
        "score_probability",
        "score_extent",
    ]
    assert form.initial["criteria_set"] == criteria_set.pk
    response = client.post(
        reverse("aspects:aspect_add"),
        {
            "activity": activity.pk,
            "name": "Dust",
            "condition": "normal",
            "life_cycle_stage": "production",
            "control": "direct",
            "criteria_set": criteria_set.pk,
            "score_severity": "3",
            "score_probability": "3",
            "score_extent": "",
        },
    )
    assert response.status_code == 400
    assert "extent" in " ".join(response.context["form"].non_field_errors())
    response = client.post(
        reverse("aspects:aspect_add"),
        {
            "activity": activity.pk,
            "name": "Dust",
            "condition": "normal",
            "life_cycle_stage": "production",
            "control": "direct",
            "criteria_set": criteria_set.pk,
            "score_severity": "3",
            "score_probability": "3",
            "score_extent": "3",
        },
    )
    assert response.status_code == 302
    aspect = Aspect.objects.get(name="Dust")
    assert aspect.scores == {"severity": 3, "probability": 3, "extent": 3}
    assert aspect.significant
    edit = client.get(reverse("aspects:aspect_edit", args=[aspect.pk])).context["form"]
    assert edit.fields["score_extent"].initial == 3
