"""Compliance obligations: due dates, last results, highlighting, due items, imports."""

import datetime as dt

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from zist.obligations import due, services
from zist.obligations.models import ComplianceEvaluation, Obligation
from zist.users.roles import Role


def test_it_adds_calendar_months():
    assert services.add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert services.add_months(dt.date(2023, 1, 31), 1) == dt.date(2023, 2, 28)
    assert services.add_months(dt.date(2024, 11, 15), 12) == dt.date(2025, 11, 15)
    assert services.add_months(dt.date(2024, 11, 15), 3) == dt.date(2025, 2, 15)


def test_it_falls_due_a_frequency_after_the_last_evaluation():
    assert services.next_due(dt.date(2024, 3, 20), 12, dt.date(2020, 1, 1)) == dt.date(2025, 3, 20)
    assert services.next_due(None, 12, dt.date(2020, 1, 1)) == dt.date(2020, 1, 1)


@pytest.fixture
def law(cast):
    return Obligation.objects.create(
        unit=cast.region,
        reference="EPA-1353",
        title="Air pollution act",
        kind="law",
        frequency_months=12,
        valid_from=dt.date(2020, 1, 1),
    )


def _evaluate(client, law, unit, day, result):
    response = client.post(
        reverse("obligations:complianceevaluation_add"),
        {"obligation": law.pk, "unit": unit.pk, "evaluated_on": day, "result": result},
    )
    assert response.status_code == 302, response.content
    law.refresh_from_db()
    return ComplianceEvaluation.objects.latest("pk")


def test_it_keeps_the_last_result_and_next_due_date(cast, make_user, client, law):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    services.refresh(law)
    assert law.next_evaluation_due == dt.date(2020, 1, 1)  # never evaluated: due from start
    assert law.is_overdue
    _evaluate(client, law, cast.inside, "2024-03-20", "not_compliant")
    assert (law.last_result, law.next_evaluation_due) == ("not_compliant", dt.date(2025, 3, 20))
    assert law.is_failing and "⚠" in law.attention
    evaluation = _evaluate(client, law, cast.inside, timezone.localdate().isoformat(), "compliant")
    assert law.last_result == "compliant" and not law.is_overdue and not law.attention
    client.post(reverse("obligations:complianceevaluation_delete", args=[evaluation.pk]))
    law.refresh_from_db()
    assert law.last_result == "not_compliant"


def test_it_highlights_overdue_and_failing_obligations_in_the_list(cast, make_user, client, law):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    fine = Obligation.objects.create(unit=cast.region, reference="OK-1", title="Fine", kind="law")
    ComplianceEvaluation.objects.create(
        obligation=fine, unit=cast.region, evaluated_on=timezone.localdate(), result="compliant"
    )
    services.refresh(fine)
    _evaluate(client, law, cast.inside, "2024-03-20", "not_compliant")
    response = client.get(reverse("obligations:obligation_list"))
    attention = {
        row["object"].reference: row["cells"][-1]["text"] for row in response.context["rows"]
    }
    assert attention["EPA-1353"].startswith("⚠")
    assert "Not compliant" in attention["EPA-1353"] and "overdue" in attention["EPA-1353"]
    assert attention["OK-1"] == "—"
    failing = client.get(reverse("obligations:obligation_list"), {"failing": "true"})
    assert [r["object"].reference for r in failing.context["rows"]] == ["EPA-1353"]
    overdue = client.get(reverse("obligations:obligation_list"), {"overdue": "true"})
    assert [r["object"].reference for r in overdue.context["rows"]] == ["EPA-1353"]


def test_it_refuses_an_evaluation_for_a_unit_the_obligation_does_not_cover(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    local = Obligation.objects.create(
        unit=cast.outside, reference="P-4", title="Permit", kind="permit"
    )
    response = client.post(
        reverse("obligations:complianceevaluation_add"),
        {
            "obligation": local.pk,
            "unit": cast.inside.pk,
            "evaluated_on": "2024-01-01",
            "result": "compliant",
        },
    )
    assert response.status_code == 400
    assert "unit" in response.context["form"].errors


def test_it_shows_a_region_obligation_to_the_districts_it_applies_to(cast, make_user, client, law):
    law.applies_to.add(cast.inside)
    rep = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    client.force_login(rep)
    assert client.get(law.get_absolute_url()).status_code == 200
    assert client.get(reverse("obligations:obligation_edit", args=[law.pk])).status_code == 404
    _evaluate(client, law, cast.inside, "2024-05-01", "compliant")
    response = client.post(
        reverse("obligations:complianceevaluation_add"),
        {
            "obligation": law.pk,
            "unit": cast.outside.pk,
            "evaluated_on": "2024-05-01",
            "result": "compliant",
        },
    )
    assert response.status_code == 400


def test_it_lists_evaluations_due_for_the_owner(cast, make_user, law):
    owner = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    other = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    law.owner = owner
    law.save()
    services.refresh(law)
    permit = Obligation.objects.create(
        unit=cast.region,
        reference="P-1",
        title="Permit",
        kind="permit",
        owner=owner,
        valid_from=dt.date(2030, 1, 1),
        expires_on=dt.date(2030, 6, 1),
    )
    services.refresh(permit)
    items = list(due.due_items(owner, dt.date(2030, 1, 31)))
    assert sorted((i.key.split(":")[0], i.due) for i in items) == [
        ("obligation-evaluation", dt.date(2020, 1, 1)),
        ("obligation-evaluation", dt.date(2030, 1, 1)),
    ]
    later = {i.key.split(":")[0] for i in due.due_items(owner, dt.date(2030, 12, 31))}
    assert "permit-expiry" in later
    assert list(due.due_items(other, dt.date(2030, 12, 31))) == []


def test_it_opens_a_nonconformity_from_a_failing_evaluation(cast, make_user, client, law):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    failing = _evaluate(client, law, cast.inside, "2024-03-20", "not_compliant")
    passing = _evaluate(client, law, cast.inside, "2024-04-20", "compliant")
    page = client.get(failing.get_absolute_url()).content.decode()
    if not apps.is_installed("zist.nonconformities"):
        assert "source_id=" not in page
        return
    content_type = ContentType.objects.get_for_model(ComplianceEvaluation)
    link = (
        f"{reverse('nonconformities:nonconformity_add')}?source_kind=compliance_evaluation&amp;"
        f"source_type={content_type.pk}&amp;source_id={failing.pk}&amp;unit={cast.inside.pk}"
    )
    assert link in page
    assert "source_id=" not in client.get(passing.get_absolute_url()).content.decode()
    from zist.nonconformities.models import Nonconformity

    raised = Nonconformity.objects.create(
        unit=cast.inside, title="Dust filters missing", source=failing
    )
    page = client.get(failing.get_absolute_url()).content.decode()
    assert raised.title in page


HEADER = "Unit,Reference,Title,Kind,Evaluation every (months)\n"


def _csv(text):
    return SimpleUploadedFile("obligations.csv", text.encode(), content_type="text/csv")


def test_it_imports_obligations_idempotently_by_reference(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    rows = HEADER + "region2,EPA-1353,Air pollution act,Law,12\nd3,PRM-7,Boiler permit,permit,6\n"
    for _ in range(2):
        response = client.post(reverse("obligations:obligation_import"), {"file": _csv(rows)})
        assert response.status_code == 302
    assert sorted(Obligation.objects.values_list("reference", "frequency_months")) == [
        ("EPA-1353", 12),
        ("PRM-7", 6),
    ]
    changed = HEADER + "region2,EPA-1353,Air pollution act,Law,24\n"
    client.post(reverse("obligations:obligation_import"), {"file": _csv(changed)})
    assert Obligation.objects.get(reference="EPA-1353").frequency_months == 24


def test_it_imports_nothing_when_one_row_is_bad(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    rows = HEADER + "region2,EPA-1353,Air pollution act,Law,12\nd3,PRM-7,Boiler permit,edict,6\n"
    response = client.post(reverse("obligations:obligation_import"), {"file": _csv(rows)})
    assert response.status_code == 400
    errors = response.context["result"].errors
    assert [e.row for e in errors] == [3]
    assert "Kind" in " ".join(errors[0].messages)
    assert Obligation.objects.count() == 0
