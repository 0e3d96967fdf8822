import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from zist.audits import services
from zist.audits.models import Audit, AuditProgramme, AuditStatus, ChecklistItem, Finding
from zist.audits.testing import make_audit
from zist.clauses.services import iso14001
from zist.nonconformities.models import Nonconformity, SourceKind


def fresh(unit):
    """The unit as stored now: adding another organisation's root renumbers paths."""
    return type(unit).objects.get(pk=unit.pk)


@pytest.fixture(autouse=True)
def _roles_qualify(monkeypatch):
    """These tests use the rule that holds without training records: the internal
    auditor role qualifies. The training app's answer is tested on its own below."""
    from django.apps import apps

    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != "zist.training" and installed(name)
    )


@pytest.fixture
def manager(cast, make_user):
    return make_user("environmental_manager", cast.region, username="manager")


@pytest.fixture
def auditor(cast, make_user):
    """An internal auditor based in District 4, granted on the region."""
    user = make_user("internal_auditor", cast.region, username="auditor")
    user.home_unit = cast.outside
    user.save()
    return user


def audit_form(cast, **changes) -> dict:
    data = {
        "unit": cast.inside.pk,
        "title": "District 3 internal audit",
        "kind": "internal",
        "start_date": "2030-05-01",
        "status": "planned",
    }
    data.update(changes)
    return data


def test_it_recommends_audit_intervals_by_risk():
    assert services.recommended_interval_months(significant_aspects=0, previous_findings=0) == 24
    assert services.recommended_interval_months(significant_aspects=4, previous_findings=0) == 12
    assert services.recommended_interval_months(significant_aspects=0, previous_findings=1) == 12
    assert services.recommended_interval_months(significant_aspects=2, previous_findings=3) == 6


def test_it_adds_months_to_the_end_of_a_short_month():
    assert services.add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert services.add_months(dt.date(2025, 1, 15), 24) == dt.date(2027, 1, 15)


def test_it_shortens_the_interval_after_findings(cast):
    audit = make_audit(cast.inside, status=AuditStatus.COMPLETED)
    for statement in ("a", "b", "c"):
        Finding.objects.create(audit=audit, unit=cast.inside, grade="minor", statement=statement)
    risk = services.unit_risk(fresh(cast.inside), since=dt.date(2029, 1, 1))
    assert risk["findings"] == 3
    assert risk["interval"] == 6
    assert risk["next_due"] == dt.date(2030, 11, 1)
    assert services.unit_risk(fresh(cast.outside), since=dt.date(2029, 1, 1))["interval"] == 24


def test_it_accepts_a_qualified_independent_team(cast, manager, auditor, client):
    client.force_login(manager)
    data = audit_form(cast, lead_auditor=auditor.pk, team=[auditor.pk])
    response = client.post(reverse("audits:audit_add"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert Audit.objects.get(title="District 3 internal audit").lead_auditor == auditor


def test_it_refuses_an_unqualified_team_member(cast, manager, make_user, client):
    rep = make_user("environmental_representative", cast.outside, username="rep4")
    client.force_login(manager)
    response = client.post(reverse("audits:audit_add"), audit_form(cast, team=[rep.pk]))
    assert response.status_code == 400
    assert "not a qualified auditor" in response.content.decode()
    assert not Audit.objects.exists()


def test_it_refuses_auditors_auditing_their_own_unit(cast, manager, make_user, client):
    own = make_user("internal_auditor", cast.region, username="own")
    own.home_unit = cast.inside
    own.save()
    client.force_login(manager)
    response = client.post(reverse("audits:audit_add"), audit_form(cast, lead_auditor=own.pk))
    assert response.status_code == 400
    assert "their own unit" in response.content.decode()


def test_it_counts_managing_roles_inside_the_scope_as_own_units(cast, make_user, auditor):
    from zist.users.models import RoleAssignment

    RoleAssignment.objects.create(user=auditor, role="unit_leader", unit=cast.inside)
    auditor = type(auditor).objects.get(pk=auditor.pk)
    assert services.team_problems([fresh(cast.inside)], auditor, [])
    assert services.team_problems([fresh(cast.outside)], auditor, []) == [
        f"{auditor} would audit their own unit {cast.outside}."
    ]


def test_it_applies_the_team_rules_through_the_api(cast, manager, make_user, auditor):
    rep = make_user("environmental_representative", cast.outside, username="rep4")
    api = APIClient()
    api.force_authenticate(manager)
    payload = {"unit": cast.inside.pk, "title": "API audit", "start_date": "2030-05-01"}
    refused = api.post("/api/audits/audits/", {**payload, "team": [rep.pk]}, format="json")
    assert refused.status_code == 400
    created = api.post("/api/audits/audits/", {**payload, "team": [auditor.pk]}, format="json")
    assert created.status_code == 201, created.content
    audit_id = created.json()["id"]
    patched = api.patch(f"/api/audits/audits/{audit_id}/", {"team": [rep.pk]}, format="json")
    assert patched.status_code == 400


def test_it_asks_the_training_app_when_it_can(cast, auditor, monkeypatch):
    import sys
    import types

    from django.apps import apps

    module = types.ModuleType("zist.training.services")
    module.is_qualified_auditor = lambda user: False
    monkeypatch.setitem(sys.modules, "zist.training.services", module)
    monkeypatch.setattr(apps, "is_installed", lambda name: name == "zist.training")
    assert not services.is_qualified_auditor(auditor)
    module.is_qualified_auditor = lambda user: True
    assert services.is_qualified_auditor(auditor)


def test_it_accepts_a_certification_bodys_auditor_on_external_audits_only(cast, make_user):
    body_auditor = make_user(
        "external_auditor", cast.region, valid_until=dt.date.today() + dt.timedelta(days=30)
    )
    assert services.is_qualified_auditor(body_auditor, external=True)
    assert not services.is_qualified_auditor(body_auditor, external=False)


def test_it_generates_the_checklist_from_the_clauses_in_scope(cast, manager, client):
    library = iso14001()
    clauses = library.clauses.filter(number__in=["4", "6.1.2", "10.2"])
    client.force_login(manager)
    data = audit_form(cast, clauses=[c.pk for c in clauses])
    assert client.post(reverse("audits:audit_add"), data).status_code == 302
    audit = Audit.objects.get()
    # Clause 4 is a heading without a question: no item.
    assert [i.clause.number for i in audit.checklist.all()] == ["6.1.2", "10.2"]
    assert services.generate_checklist(audit) == 0


def test_it_saves_the_checklist_page(cast, auditor, client):
    audit = make_audit(cast.inside)
    item = ChecklistItem.objects.create(audit=audit, question="Is the aspect register current?")
    client.force_login(auditor)
    url = reverse("audits:audit_checklist", args=[audit.pk])
    assert client.get(url).status_code == 200
    prefix = f"item-{item.pk}"
    data = {
        f"{prefix}-result": "conforms",
        f"{prefix}-notes": "Seen 1404",
        f"{prefix}-seen_result": "",
        f"{prefix}-seen_notes": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.result, item.notes) == ("conforms", "Seen 1404")


def test_it_hides_the_checklist_and_report_outside_the_users_units(cast, make_user, client):
    audit = make_audit(cast.outside)
    client.force_login(make_user("internal_auditor", cast.inside))
    assert client.get(reverse("audits:audit_checklist", args=[audit.pk])).status_code == 404
    assert client.get(reverse("audits:audit_report", args=[audit.pk])).status_code == 404


def test_it_turns_nonconformity_findings_into_nonconformities(cast, auditor, client):
    audit = make_audit(cast.inside)
    clause = iso14001().clauses.get(number="8.1")
    client.force_login(auditor)
    data = {
        "audit": audit.pk,
        "unit": cast.inside.pk,
        "clause": clause.pk,
        "grade": "minor",
        "statement": "Waste oil stored without a bund",
        "evidence": "Store 2, 12 drums",
    }
    assert client.post(reverse("audits:finding_add"), data).status_code == 302
    finding = Finding.objects.get()
    nc = finding.nonconformity
    assert nc.source == finding and nc.source_kind == SourceKind.AUDIT_FINDING
    assert (nc.unit, nc.grade, nc.title) == (
        cast.inside,
        "minor",
        # The clause number in the (Persian) organisation's digits: the title is its text.
        "۸.۱ Waste oil stored without a bund",
    )
    observation = {**data, "grade": "observation", "statement": "Labels fading"}
    assert client.post(reverse("audits:finding_add"), observation).status_code == 302
    assert Nonconformity.objects.count() == 1


def test_it_raises_nonconformities_from_api_findings(cast, auditor):
    audit = make_audit(cast.inside)
    api = APIClient()
    api.force_authenticate(auditor)
    payload = {
        "audit": audit.pk,
        "unit": cast.inside.pk,
        "grade": "major",
        "statement": "No permit",
    }
    response = api.post("/api/audits/findings/", payload, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["nonconformity"] == Nonconformity.objects.get().pk


def test_it_refuses_findings_outside_the_audit_scope(cast, manager):
    audit = make_audit(cast.inside)
    api = APIClient()
    api.force_authenticate(manager)
    payload = {"audit": audit.pk, "unit": cast.outside.pk, "grade": "minor", "statement": "x"}
    assert api.post("/api/audits/findings/", payload, format="json").status_code == 400


def test_it_prints_the_audit_report(cast, auditor, client):
    audit = make_audit(cast.inside, summary="Well kept stores.", strengths="Trained staff")
    Finding.objects.create(audit=audit, unit=cast.inside, grade="major", statement="No permit")
    client.force_login(auditor)
    page = client.get(reverse("audits:audit_report", args=[audit.pk])).content.decode()
    assert "Well kept stores." in page and "Trained staff" in page and "No permit" in page


def test_it_shows_programme_progress(cast, manager, client):
    programme = AuditProgramme.objects.create(unit=cast.region, year=1409, title="Programme 1409")
    make_audit(cast.inside, programme=programme, status=AuditStatus.COMPLETED)
    make_audit(cast.outside, programme=programme)
    make_audit(cast.outside, programme=programme, status=AuditStatus.CANCELLED)
    progress = services.programme_progress(programme)
    assert (progress["done"], progress["planned"], progress["percent"]) == (1, 2, 50)
    client.force_login(manager)
    response = client.get(reverse("audits:programme_overview", args=[programme.pk]))
    assert response.status_code == 200
    assert [row["unit"] for row in response.context["risks"]] == [
        cast.region,
        cast.inside,
        cast.outside,
    ]


def test_it_proposes_sampled_districts(cast, manager, client):
    from zist.organisations import services as tree

    # The region's environment office is part of the central function, not a site.
    tree.create_unit(cast.region, name="Environment office", code="env", kind="office")
    client.force_login(manager)
    response = client.get(reverse("audits:sampling"), {"unit": cast.region.pk})
    assert response.status_code == 200
    assert [site.name for site in response.context["sites"]] == ["District 3", "District 4"]
    assert [size for _, size in response.context["sizes"]] == [2, 1, 2]


def test_it_shuts_out_an_external_auditor_whose_grant_has_ended(cast, make_user, client):
    audit = make_audit(cast.inside)
    finding = Finding.objects.create(audit=audit, unit=cast.inside, grade="minor", statement="x")
    yesterday = dt.date.today() - dt.timedelta(days=1)
    expired = make_user("external_auditor", cast.region, valid_until=yesterday)
    current = make_user("external_auditor", cast.region, valid_until=dt.date.today())
    assert Audit.objects.restrict(current, "view").filter(pk=audit.pk).exists()
    client.force_login(expired)
    assert client.get(reverse("audits:audit_detail", args=[audit.pk])).status_code == 404
    assert client.get(reverse("audits:audit_report", args=[audit.pk])).status_code == 404
    assert client.get(reverse("audits:finding_detail", args=[finding.pk])).status_code == 404
    assert client.get(reverse("audits:audit_list")).context["rows"] == []
    api = APIClient()
    api.force_authenticate(expired)
    assert api.get(f"/api/audits/audits/{audit.pk}/").status_code == 404
    assert api.get("/api/audits/findings/").json()["results"] == []
