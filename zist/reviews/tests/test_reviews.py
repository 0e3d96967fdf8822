import datetime as dt

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from zist.actions.models import Action, ActionKind
from zist.audits.models import AuditStatus, Finding
from zist.audits.testing import make_audit
from zist.nonconformities.models import Nonconformity
from zist.reviews import inputs, services
from zist.reviews.models import ManagementReview, ReviewStatus


def fresh(unit):
    return type(unit).objects.get(pk=unit.pk)


@pytest.fixture
def year_1404(cast):
    """Region 2's Iranian reporting year 1404: 21 March 2025 – 20 March 2026."""
    year = cast.tehran.reporting_year(dt.date(2025, 6, 1))
    assert (year.label, year.start, year.end) == (1404, dt.date(2025, 3, 21), dt.date(2026, 3, 21))
    return year


@pytest.fixture
def review(cast, year_1404):
    return ManagementReview.objects.create(
        unit=fresh(cast.region),
        title="Annual environment meeting 1404",
        period_start=year_1404.start,
        period_end=year_1404.end - dt.timedelta(days=1),
        meeting_date=dt.date(2026, 4, 25),
    )


def section(compiled, key):
    return next(s for s in compiled["sections"] if s["key"] == key)


def test_it_compiles_every_input_of_clause_9_3(review):
    compiled = inputs.compile_inputs(review)
    assert [s["key"] for s in compiled["sections"]] == list(inputs.titles())
    assert len(compiled["sections"]) == 14


def test_it_draws_on_every_register_that_exists(review):
    compiled = inputs.compile_inputs(review)
    for key, sources in inputs.SOURCES:
        rows = section(compiled, key)["rows"]
        for (label, *_), row in zip(sources, rows, strict=True):
            app_label = label.split(".")[0]
            assert row["available"] is apps.is_installed(f"zist.{app_label}"), label


def test_it_reports_a_missing_register_instead_of_failing(review, monkeypatch):
    replaced = [
        (key, [("nowhere.Thing", None, None, {})] if key == "issues" else sources)
        for key, sources in inputs.SOURCES
    ]
    monkeypatch.setattr(inputs, "SOURCES", replaced)
    rows = section(inputs.compile_inputs(review), "issues")["rows"]
    assert rows == [{"label": "nowhere.Thing", "available": False}]


def test_it_counts_nonconformities_audits_and_previous_decisions(cast, review):
    inside, outside = fresh(cast.inside), fresh(cast.foreign)
    Nonconformity.objects.create(unit=inside, title="Oil drums", grade="minor")
    Nonconformity.objects.create(unit=outside, title="Elsewhere")  # another organisation
    Action.objects.create(
        unit=inside, title="Bund", kind=ActionKind.CORRECTIVE, due_date=dt.date(2025, 5, 1)
    )
    audit = make_audit(inside, status=AuditStatus.COMPLETED)
    audit.start_date = dt.date(2025, 6, 10)
    audit.save()
    Finding.objects.create(audit=audit, unit=inside, grade="minor", statement="No bund")
    Finding.objects.create(audit=audit, unit=inside, grade="opportunity", statement="Solar roof")
    previous = ManagementReview.objects.create(
        unit=review.unit,
        title="1403",
        period_start=dt.date(2024, 3, 20),
        period_end=dt.date(2025, 3, 20),
        meeting_date=dt.date(2025, 4, 20),
    )
    services.add_decision_action(previous, title="Train district staff")

    compiled = inputs.compile_inputs(review)
    nc_rows = section(compiled, "nonconformities")["rows"]
    assert nc_rows[0]["total"] == 1
    assert nc_rows[1]["total"] == 1 and nc_rows[1]["overdue"] == 1
    audit_rows = section(compiled, "audits")["rows"]
    assert audit_rows[0]["in_period"] == 1
    # Worded in the organisation's language (Persian here), whatever was active.
    assert review.unit.organisation.language == "fa"
    assert dict(map(tuple, audit_rows[1]["breakdown"])) == {
        "عدم انطباق جزئی": 1,
        "فرصت بهبود": 1,
    }
    with translation.override("fa"):
        assert section(compiled, "issues")["title"] == inputs.titles()["issues"]
    assert section(compiled, "issues")["title"] != "Changes in external and internal issues"
    assert section(compiled, "previous_actions")["rows"][0]["open"] == ["Train district staff"]
    assert section(compiled, "opportunities")["rows"][0]["items"] == ["Solar roof"]


def test_it_freezes_the_inputs_in_the_minutes(cast, review):
    services.record_minutes(review)
    review.refresh_from_db()
    assert review.status == ReviewStatus.HELD
    Nonconformity.objects.create(unit=fresh(cast.inside), title="Later")
    assert section(review.inputs, "nonconformities")["rows"][0]["total"] == 0


def test_it_prints_the_minutes_and_follows_decisions_up(cast, make_user, review, client):
    manager = make_user("environmental_manager", cast.region)
    client.force_login(manager)
    page = client.get(reverse("reviews:managementreview_minutes", args=[review.pk]))
    assert page.status_code == 200
    # The inputs in the organisation's language (Persian), the page in the reader's.
    with translation.override("fa"):
        assert inputs.titles()["audits"] in page.content.decode()
    url = reverse("reviews:managementreview_decision", args=[review.pk])
    assert client.post(url, {"title": "Budget for bunds"}).status_code == 302
    action = Action.objects.get(title="Budget for bunds")
    assert (action.kind, action.source, action.unit) == ("decision", review, review.unit)
    assert (
        client.post(reverse("reviews:managementreview_record", args=[review.pk])).status_code == 302
    )
    assert ManagementReview.objects.get(pk=review.pk).status == ReviewStatus.HELD


def test_it_hides_the_minutes_outside_the_users_units(cast, make_user, review, client):
    client.force_login(make_user("environmental_manager", cast.foreign))
    assert (
        client.get(reverse("reviews:managementreview_minutes", args=[review.pk])).status_code == 404
    )
    url = reverse("reviews:managementreview_decision", args=[review.pk])
    assert client.post(url, {"title": "x"}).status_code == 404
