"""Every register × every role × every action, inside and outside the role's unit,
through the web pages, the API and the export. A new register gets these tests by
declaring a Scenario (see zist.core.testing)."""

import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from zist.core.registry import registers
from zist.core.testing import collide_history, scenarios
from zist.users.models import RoleAssignment, User
from zist.users.roles import Role

REGISTERS = {reg.label(): reg for reg in registers()}


def test_it_has_a_scenario_for_every_register():
    missing = sorted(set(REGISTERS) - set(scenarios()))
    assert not missing, f"registers without a permission-matrix Scenario: {missing}"


def _api_url(reg, pk=None):
    base = f"/api/{reg.model._meta.app_label}/{reg.url_slug()}/"
    return f"{base}{pk}/" if pk else base


@pytest.mark.parametrize("role", [r.value for r in Role])
@pytest.mark.parametrize("label", sorted(REGISTERS))
def test_it_enforces_the_policy(label, role, cast, client):
    reg, sc = REGISTERS[label], scenarios()[label]
    user = User.objects.create_user("tested", password="pw", home_unit=cast.inside)
    RoleAssignment.objects.create(
        user=user, role=role, unit=cast.inside, valid_until=dt.date.today() + dt.timedelta(days=30)
    )
    inside = sc.make(cast, cast.inside)
    outside = sc.make(cast, sc.outside_unit(cast))
    may = {action: sc.expected(role, action) for action in ("view", "add", "change", "delete")}
    client.force_login(user)
    api = APIClient()
    api.force_authenticate(user)

    # View: list, detail, API list/detail, export.
    listed = client.get(reverse(reg.url_name("list")), {"per_page": 250})
    assert listed.status_code == 200
    shown = {row["object"].pk for row in listed.context["rows"]}
    assert (inside.pk in shown) is may["view"]
    assert outside.pk not in shown
    detail = client.get(reverse(reg.url_name("detail"), args=[inside.pk]))
    assert detail.status_code == (200 if may["view"] else 404)
    assert client.get(reverse(reg.url_name("detail"), args=[outside.pk])).status_code == 404
    assert client.get(reverse(reg.url_name("history"), args=[outside.pk])).status_code == 404
    api_ids = {item["id"] for item in api.get(_api_url(reg), {"page_size": 1000}).json()["results"]}
    assert (inside.pk in api_ids) is may["view"]
    assert outside.pk not in api_ids
    assert api.get(_api_url(reg, outside.pk)).status_code == 404
    exported = b"".join(
        client.get(reverse(reg.url_name("list")), {"export": "csv"}).streaming_content
    ).decode()
    assert (sc.label(inside) in exported) is may["view"]
    assert sc.label(outside) not in exported

    # Change: edit page and API, never outside.
    edit = client.get(reverse(reg.url_name("edit"), args=[inside.pk]))
    assert edit.status_code == (200 if may["change"] else 404)
    assert client.get(reverse(reg.url_name("edit"), args=[outside.pk])).status_code == 404
    patched = api.patch(_api_url(reg, inside.pk), sc.change(inside), format="json")
    if may["change"]:
        assert patched.status_code == 200, patched.content
    else:
        assert patched.status_code in (403, 404)
    assert (
        api.patch(_api_url(reg, outside.pk), sc.change(outside), format="json").status_code == 404
    )

    # Add: inside only.
    count = reg.model._base_manager.count()
    created = api.post(_api_url(reg), sc.payload(cast, cast.inside), format="json")
    if may["add"]:
        assert created.status_code == 201, created.content
    else:
        assert created.status_code in (400, 403), created.content
    count_after_inside = reg.model._base_manager.count()
    refused = api.post(_api_url(reg), sc.payload(cast, sc.outside_unit(cast)), format="json")
    assert refused.status_code in (400, 403)
    # Payload helpers may create their own supporting objects (a user to grant a
    # role to), so count only the register's own model.
    assert reg.model._base_manager.count() == count_after_inside
    assert count_after_inside == count + (1 if may["add"] else 0)

    # Delete: never outside; inside as the policy says.
    assert client.post(reverse(reg.url_name("delete"), args=[outside.pk])).status_code == 404
    assert api.delete(_api_url(reg, outside.pk)).status_code == 404
    assert reg.model._base_manager.filter(pk=outside.pk).exists()
    deleted = api.delete(_api_url(reg, inside.pk))
    if may["delete"]:
        assert deleted.status_code == 204, deleted.content
        assert not reg.model._base_manager.filter(pk=inside.pk).exists()
    else:
        assert deleted.status_code in (403, 404)
        assert reg.model._base_manager.filter(pk=inside.pk).exists()


@pytest.mark.parametrize("label", sorted(REGISTERS))
def test_it_shows_nothing_to_a_user_without_roles(label, cast, client):
    reg, sc = REGISTERS[label], scenarios()[label]
    user = User.objects.create_user("nobody", password="pw", home_unit=cast.inside)
    obj = sc.make(cast, cast.inside)
    client.force_login(user)
    listed = client.get(reverse(reg.url_name("list")))
    assert listed.context["rows"] == []
    assert client.get(reverse(reg.url_name("detail"), args=[obj.pk])).status_code == 404
    assert client.get(reverse(reg.url_name("add"))).status_code == 403


@pytest.mark.parametrize("label", sorted(REGISTERS))
def test_it_lets_the_superuser_see_everything(label, cast, client):
    reg, sc = REGISTERS[label], scenarios()[label]
    obj = sc.make(cast, sc.outside_unit(cast))
    client.force_login(cast.superuser)
    assert client.get(reverse(reg.url_name("detail"), args=[obj.pk])).status_code == 200
    assert client.get(reverse(reg.url_name("edit"), args=[obj.pk])).status_code == 200


@pytest.mark.parametrize("label", sorted(REGISTERS))
def test_it_requires_login(label, cast, client):
    reg = REGISTERS[label]
    response = client.get(reverse(reg.url_name("list")))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert APIClient().get(_api_url(reg)).status_code in (401, 403)


@pytest.mark.parametrize("label", sorted(REGISTERS))
def test_it_restricts_history_by_the_records_identity(label, cast, client, settings):
    """The as-of list and its export, the change log and the History page show the
    user's records and never another unit's, whatever the history rows' own ids."""
    reg, sc = REGISTERS[label], scenarios()[label]
    role = next(r.value for r in Role if sc.expected(r.value, "view"))
    user = User.objects.create_user("tested", password="pw", home_unit=cast.inside)
    RoleAssignment.objects.create(
        user=user, role=role, unit=cast.inside, valid_until=dt.date.today() + dt.timedelta(days=30)
    )
    inside = sc.make(cast, cast.inside)
    outside = sc.make(cast, sc.outside_unit(cast))
    collide_history(reg.model, inside.pk, outside.pk)
    client.force_login(user)
    today = dt.date.today().isoformat()

    listed = client.get(reverse(reg.url_name("list")), {"as_of": today, "per_page": 250})
    assert listed.status_code == 200
    shown = {row["object"].pk for row in listed.context["rows"]}
    assert inside.pk in shown and outside.pk not in shown
    exported = b"".join(
        client.get(
            reverse(reg.url_name("list")), {"as_of": today, "export": "csv"}
        ).streaming_content
    ).decode()
    assert sc.label(inside) in exported and sc.label(outside) not in exported

    logged = {row["url"] for row in client.get(reverse("change_log")).context["rows"]}
    assert reverse(reg.url_name("history"), args=[outside.pk]) not in logged
    assert client.get(reverse(reg.url_name("history"), args=[inside.pk])).status_code == 200
    assert client.get(reverse(reg.url_name("history"), args=[outside.pk])).status_code == 404


def _a_value_for(field, day: str) -> str | None:
    """A valid value to type into a list filter's form field (None: leave it out)."""
    from django import forms

    if isinstance(field, forms.NullBooleanField | forms.BooleanField):
        return "true"
    if isinstance(field, forms.ModelChoiceField | forms.ModelMultipleChoiceField):
        first = field.queryset.first()
        return str(first.pk) if first is not None else None
    if isinstance(field, forms.ChoiceField):
        values = [str(value) for value, _label in field.choices if value not in ("", None)]
        return values[0] if values else None
    if isinstance(field, forms.DateField):
        return day
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        return "1"
    return "a"


@pytest.mark.parametrize("label", sorted(REGISTERS))
def test_every_filter_works_on_the_register_as_of_a_date(label, cast, client):
    """Each filter of the list, used on the register as it stood on a date, answers
    (many-to-many links and computed filters are not columns of the history table)."""
    reg, sc = REGISTERS[label], scenarios()[label]
    sc.make(cast, cast.inside)
    client.force_login(cast.superuser)
    today = dt.date.today().isoformat()
    url = reverse(reg.url_name("list"))
    form = client.get(url, {"as_of": today}).context["filterset"].form
    for name, field in form.fields.items():
        value = _a_value_for(field, today)
        if value is None:
            continue
        response = client.get(url, {"as_of": today, name: value})
        assert response.status_code == 200, (name, value)
        exported = client.get(url, {"as_of": today, name: value, "export": "csv"})
        b"".join(exported.streaming_content)
