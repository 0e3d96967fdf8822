"""Context: scope statement versions, needs adopted as obligations, idempotent import."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from zist.context.models import InterestedParty, Need, ScopeStatement
from zist.obligations.models import Obligation
from zist.users.roles import Role


def _scope(client, unit, status, **extra):
    data = {
        "unit": unit.pk,
        "status": status,
        "boundaries": "Region 2 and its nine districts",
        "activities": "Municipal services",
        **extra,
    }
    response = client.post(reverse("context:scopestatement_add"), data)
    assert response.status_code in (302, 400)
    return response


def test_it_numbers_versions_and_keeps_one_current(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    _scope(client, cast.region, "current")
    _scope(client, cast.region, "draft")
    first, second = ScopeStatement.objects.order_by("version")
    assert (first.version, first.status, second.version) == (1, "current", 2)
    client.post(
        reverse("context:scopestatement_edit", args=[second.pk]),
        {
            "unit": cast.region.pk,
            "version": 2,
            "status": "current",
            "boundaries": "x",
            "activities": "y",
            "public": "on",
        },
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status, second.public) == ("superseded", "current", True)
    assert first.history.first().status == "superseded"


def test_it_numbers_versions_through_the_api(cast, make_user):
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    for _ in range(2):
        response = api.post(
            "/api/context/scopestatements/",
            {
                "unit": cast.inside.pk,
                "boundaries": "District 3",
                "activities": "Services",
                "status": "current",
            },
            format="json",
        )
        assert response.status_code == 201, response.content
    assert list(ScopeStatement.objects.order_by("version").values_list("version", "status")) == [
        (1, "superseded"),
        (2, "current"),
    ]


def test_it_requires_a_justification_for_exclusions(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = _scope(client, cast.region, "draft", exclusions="The metro depot")
    assert response.status_code == 400
    assert "exclusion_justification" in response.context["form"].errors


def test_it_marks_a_need_linked_to_an_obligation_as_adopted(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    party = InterestedParty.objects.create(unit=cast.region, name="Residents", origin="external")
    law = Obligation.objects.create(unit=cast.region, reference="N-1", title="Noise", kind="law")
    response = client.post(
        reverse("context:need_add"),
        {"party": party.pk, "description": "Quiet nights", "relevant": "on", "obligation": law.pk},
    )
    assert response.status_code == 302
    need = Need.objects.get()
    assert need.becomes_obligation
    assert "Quiet nights" in client.get(party.get_absolute_url()).content.decode()


HEADER = "Unit,Name,Internal or external\n"


def _csv(text):
    return SimpleUploadedFile("parties.csv", text.encode(), content_type="text/csv")


def test_it_imports_parties_once_and_rejects_a_file_with_a_bad_row(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    rows = HEADER + "region2,Residents,External\nregion2,Staff,internal\n"
    for _ in range(2):
        assert (
            client.post(reverse("context:interestedparty_import"), {"file": _csv(rows)}).status_code
            == 302
        )
    assert InterestedParty.objects.count() == 2
    bad = HEADER + "region2,Contractors,external\nnowhere,Suppliers,external\n"
    response = client.post(reverse("context:interestedparty_import"), {"file": _csv(bad)})
    assert response.status_code == 400
    errors = response.context["result"].errors
    assert [e.row for e in errors] == [3] and "Unit" in " ".join(errors[0].messages)
    assert InterestedParty.objects.count() == 2


def test_it_marks_a_need_adopted_when_the_api_links_an_obligation(cast, make_user):
    party = InterestedParty.objects.create(unit=cast.region, name="Residents", origin="external")
    law = Obligation.objects.create(unit=cast.region, reference="N-1", title="Noise", kind="law")
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = api.post(
        "/api/context/needs/",
        {"party": party.pk, "description": "Quiet nights", "obligation": law.pk},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Need.objects.get().becomes_obligation
