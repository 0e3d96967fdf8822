import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from zist.actions.models import Action, ActionKind, ActionStatus
from zist.communication.models import Inquiry
from zist.nonconformities import services
from zist.nonconformities.models import Effectiveness, Nonconformity, Status
from zist.users.models import ApiToken, LoginFailure

API = "/api/nonconformities/nonconformities/"


@pytest.fixture
def manager(cast, make_user):
    return make_user("environmental_manager", cast.region)


def analysed(unit, **fields) -> Nonconformity:
    """A nonconformity corrected and analysed, ready for corrective actions."""
    values = {
        "unit": unit,
        "title": "Oil drums stored without bund",
        "status": Status.ANALYSIS,
        "correction": "Drums moved onto a spill pallet.",
        "why_1": "No bund was bought",
        "why_2": "Storage was not in the purchase plan",
        "cause_category": "management",
    }
    return Nonconformity.objects.create(**{**values, **fields})


def close_form(nc, **changes) -> dict:
    data = {
        "unit": nc.unit_id,
        "title": nc.title,
        "source_kind": nc.source_kind,
        "reported_on": nc.reported_on.isoformat(),
        "status": "closed",
        "correction": nc.correction,
        "why_1": nc.why_1,
        "why_2": nc.why_2,
        "cause_category": nc.cause_category,
    }
    data.update(changes)
    return data


def test_it_walks_the_workflow_to_a_verified_close(cast, manager):
    nc = analysed(cast.inside)
    action = services.add_action(nc, title="Buy a bunded cabinet", due_date=dt.date(2030, 1, 1))
    nc.refresh_from_db()
    assert nc.status == Status.ACTION
    assert action.source == nc and action.kind == ActionKind.CORRECTIVE
    action.status = ActionStatus.DONE
    action.full_clean()
    action.save()
    services.record_effectiveness(nc, user=manager, effective=True, on=dt.date(2030, 2, 1))
    nc.refresh_from_db()
    assert nc.status == Status.CLOSED
    assert nc.checked_by == manager and nc.closed_on is not None


def test_it_reopens_when_the_check_finds_the_actions_ineffective(cast, manager):
    nc = analysed(cast.inside, status=Status.ACTION)
    services.add_action(nc, title="Train the stores staff", status=ActionStatus.DONE)
    services.record_effectiveness(nc, user=manager, effective=False, notes="Drums outside again")
    nc.refresh_from_db()
    assert nc.status == Status.ACTION
    assert nc.effectiveness == Effectiveness.INEFFECTIVE


def test_it_refuses_to_close_with_an_open_action(cast, manager):
    nc = analysed(cast.inside, status=Status.ACTION)
    services.add_action(nc, title="Buy a bunded cabinet")
    with pytest.raises(ValidationError) as error:
        services.record_effectiveness(nc, user=manager, effective=True)
    assert "open actions" in str(error.value)
    assert Nonconformity.objects.get(pk=nc.pk).status == Status.ACTION


def test_it_refuses_the_analysis_step_without_a_correction(cast):
    nc = Nonconformity(unit=cast.inside, title="x", status=Status.ANALYSIS)
    with pytest.raises(ValidationError) as error:
        nc.full_clean()
    assert "correction" in error.value.message_dict


def test_it_refuses_a_close_without_an_effectiveness_check_through_the_ui(cast, manager, client):
    nc = analysed(cast.inside, status=Status.VERIFICATION)
    services.add_action(nc, title="Done already", status=ActionStatus.DONE)
    client.force_login(manager)
    response = client.post(
        reverse("nonconformities:nonconformity_edit", args=[nc.pk]), close_form(nc)
    )
    assert response.status_code == 400
    assert Nonconformity.objects.get(pk=nc.pk).status == Status.VERIFICATION
    checked = close_form(
        nc, effectiveness="effective", checked_by=manager.pk, checked_on="2030-02-01"
    )
    response = client.post(reverse("nonconformities:nonconformity_edit", args=[nc.pk]), checked)
    assert response.status_code == 302
    assert Nonconformity.objects.get(pk=nc.pk).status == Status.CLOSED


def test_it_refuses_a_close_with_an_open_action_through_the_ui(cast, manager, client):
    nc = analysed(cast.inside, status=Status.VERIFICATION)
    services.add_action(nc, title="Still open")
    client.force_login(manager)
    data = close_form(nc, effectiveness="effective", checked_by=manager.pk, checked_on="2030-02-01")
    response = client.post(reverse("nonconformities:nonconformity_edit", args=[nc.pk]), data)
    assert response.status_code == 400
    assert "open actions" in response.content.decode()
    assert Nonconformity.objects.get(pk=nc.pk).status == Status.VERIFICATION


def test_it_refuses_the_same_closes_through_the_api(cast, manager):
    nc = analysed(cast.inside, status=Status.VERIFICATION)
    action = services.add_action(nc, title="Still open")
    api = APIClient()
    api.force_authenticate(manager)
    unchecked = api.patch(f"{API}{nc.pk}/", {"status": "closed"}, format="json")
    assert unchecked.status_code == 400
    checked = {
        "status": "closed",
        "effectiveness": "effective",
        "checked_by": manager.pk,
        "checked_on": "2030-02-01",
    }
    with_open_action = api.patch(f"{API}{nc.pk}/", checked, format="json")
    assert with_open_action.status_code == 400
    assert "open actions" in str(with_open_action.json())
    assert Nonconformity.objects.get(pk=nc.pk).status == Status.VERIFICATION
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.DONE)
    assert api.patch(f"{API}{nc.pk}/", checked, format="json").status_code == 200
    assert Nonconformity.objects.get(pk=nc.pk).status == Status.CLOSED


def test_it_takes_its_source_from_the_add_page_address(cast, manager, client):
    client.force_login(manager)
    inquiry = Inquiry.objects.create(
        unit=cast.inside, subject="Tap left running", received_on=dt.date(2030, 1, 2)
    )
    inquiry_type = ContentType.objects.get_for_model(inquiry)
    response = client.get(
        reverse("nonconformities:nonconformity_add"),
        {
            "source_type": inquiry_type.pk,
            "source_id": inquiry.pk,
            "unit": cast.inside.pk,
            "title": "Leaking tap",
        },
    )
    form = response.context["form"]
    assert form["title"].value() == "Leaking tap"
    assert str(form["source_type"].value()) == str(inquiry_type.pk)
    data = {
        "unit": cast.inside.pk,
        "title": "Leaking tap",
        "source_kind": "other",
        "source_type": inquiry_type.pk,
        "source_id": inquiry.pk,
        "reported_on": "2030-01-05",
        "status": "reported",
    }
    assert client.post(reverse("nonconformities:nonconformity_add"), data).status_code == 302
    nc = Nonconformity.objects.get(title="Leaking tap")
    assert nc.source == inquiry
    assert nc.reported_by == manager


def test_it_refuses_a_source_the_user_cannot_see(cast, make_user, client):
    rep = make_user("environmental_representative", cast.inside)
    client.force_login(rep)
    data = {
        "unit": cast.inside.pk,
        "title": "Peeking",
        "source_kind": "other",
        "source_type": ContentType.objects.get_for_model(cast.foreign).pk,
        "source_id": cast.foreign.pk,
        "reported_on": "2030-01-05",
        "status": "reported",
    }
    assert client.post(reverse("nonconformities:nonconformity_add"), data).status_code == 400
    assert not Nonconformity.objects.filter(title="Peeking").exists()


@pytest.mark.parametrize("kind", ["unit", "token", "history", "login failure"])
def test_it_refuses_a_source_outside_the_registers_it_may_come_from(kind, cast, manager, client):
    """Only findings, evaluations, inquiries, reviews and crisis events or findings:
    not a unit, an API token, a history row or a failed login, whether or not a
    record with that id exists."""
    inquiry = Inquiry.objects.create(
        unit=cast.inside, subject="Tap left running", received_on=dt.date(2030, 1, 2)
    )
    source = {
        "unit": cast.inside,
        "token": ApiToken.issue(manager, "laptop")[0],
        "history": Inquiry.history.get(id=inquiry.pk),
        "login failure": LoginFailure.objects.create(username="root", ip_address="203.0.113.9"),
    }[kind]
    client.force_login(manager)
    data = {
        "unit": cast.inside.pk,
        "title": "Peeking",
        "source_kind": "other",
        "source_type": ContentType.objects.get_for_model(source).pk,
        "source_id": source.pk,
        "reported_on": "2030-01-05",
        "status": "reported",
    }

    assert client.post(reverse("nonconformities:nonconformity_add"), data).status_code == 400
    assert not Nonconformity.objects.filter(title="Peeking").exists()


def test_it_plans_actions_from_the_nonconformity_page(cast, manager, client):
    nc = analysed(cast.inside)
    client.force_login(manager)
    url = reverse("nonconformities:nonconformity_add_action", args=[nc.pk])
    response = client.post(url, {"title": "Fit a bund", "kind": "corrective", "due_date": ""})
    assert response.status_code == 302
    assert [a.title for a in Action.objects.for_source(nc)] == ["Fit a bund"]
    assert Nonconformity.objects.get(pk=nc.pk).status == Status.ACTION
    page = client.get(nc.get_absolute_url())
    assert "Fit a bund" in page.content.decode()


def test_it_hides_the_workflow_pages_outside_the_users_units(cast, make_user, client):
    nc = analysed(cast.outside)
    client.force_login(make_user("environmental_representative", cast.inside))
    url = reverse("nonconformities:nonconformity_add_action", args=[nc.pk])
    assert client.post(url, {"title": "x", "kind": "corrective"}).status_code == 404
    assert not Action.objects.for_source(nc).exists()
