"""One save path (decision 0019): the same input given to a register through its page,
its API and a spreadsheet import stores the same record with the same history, and
the same change made on the edit page and through the API writes the same history.

Every register with a Scenario (zist.core.testing) takes part: the Scenario's API
payload, completed with what the empty form offers, is the one input. Each door runs in
a savepoint that is rolled back afterwards, so the three see the same database (same
codes, same version numbers, same tree paths) and their results compare field by
field."""

import csv
import datetime as dt
import decimal
import io
import zoneinfo

import pytest
from django import forms
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from zist.core import calendars
from zist.core.registry import registers
from zist.core.testing import scenarios
from zist.users.models import User

REGISTERS = {reg.label(): reg for reg in registers()}
# Made by a regulator's invitation, never added (no role may add one).
NOT_ADDED = {"reporting.submission"}
ADDED = sorted(set(REGISTERS) & set(scenarios()) - NOT_ADDED)
# Stamps of the moment of saving, the same on every door but for the clock.
MOMENTS = {"id", "created", "last_updated"}
# The password the users Scenario gives a new account.
PASSWORD = "Long-enough-pw-42"


def _plain(value):
    """A form's or a payload's value as JSON would carry it (moments stay moments:
    each door writes them its own way)."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if callable(value):
        return _plain(value())
    return value


def _input(reg, form, payload: dict) -> dict:
    """Every field of the form's model: the payload's value, else what the form offers.
    Fields a page adds for typing comfort (one per criterion for an aspect's scores)
    are left empty: the model's field carries the value, as in the API."""
    data = {}
    for name, field in form.fields.items():
        typed_comfort = name not in form._meta.fields and name not in form.declared_fields
        if isinstance(field, forms.FileField) or typed_comfort:
            continue
        if name in payload and isinstance(field, forms.DateTimeField):
            data[name] = dt.datetime.fromisoformat(payload[name])
        elif name in payload:
            data[name] = _plain(payload[name])
        else:
            data[name] = _plain(form.get_initial_for_field(field, name))
    return data


def _typed(value, tz) -> str:
    """A moment as a person types it: local time, to the minute."""
    return timezone.localtime(value, tz).strftime("%Y-%m-%d %H:%M")


def _page_data(form, data: dict, tz) -> dict:
    posted = {}
    for name, value in data.items():
        if value is None or value is False:
            continue
        if value is True:
            posted[name] = "on"
        elif isinstance(value, dict) or isinstance(form.fields[name], forms.JSONField):
            posted[name] = form.fields[name].prepare_value(value)
        elif isinstance(value, dt.datetime):
            posted[name] = _typed(value, tz)
        else:
            posted[name] = value
    return posted


def _api_data(data: dict) -> dict:
    return {
        name: value.isoformat() if isinstance(value, dt.datetime) else value
        for name, value in data.items()
        if value is not None
    }


def _csv(form, data: dict, tz) -> bytes:
    cells = []
    for name, value in data.items():
        if value is None:
            cells.append("")
        elif isinstance(value, bool):
            cells.append("yes" if value else "no")
        elif isinstance(value, dict) or isinstance(form.fields[name], forms.JSONField):
            cells.append(form.fields[name].prepare_value(value))
        elif isinstance(value, list):
            cells.append(";".join(str(item) for item in value))
        elif isinstance(value, dt.datetime):
            cells.append(_typed(value, tz))
        else:
            cells.append(str(value))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(list(data))
    writer.writerow(cells)
    return out.getvalue().encode()


def _why(response):
    """What a refused door said (a form's errors, an import's rows, the API's body)."""
    context = getattr(response, "context", None) or {}
    form, result = context.get("form"), context.get("result")
    if result is not None:
        return [(error.row, error.messages) for error in result.errors]
    if form is not None and form.errors:
        return form.errors.get_json_data()
    return getattr(response, "data", None) or response.content.decode()[-2000:]


def _stored(obj) -> dict:
    """The record's stored values (to-many links as sets of ids)."""
    obj = type(obj)._base_manager.get(pk=obj.pk)
    values = {
        field.attname: getattr(obj, field.attname)
        for field in obj._meta.concrete_fields
        if field.name not in MOMENTS and field.default is not timezone.now
    }
    if isinstance(obj, AbstractBaseUser):
        # Hashed with a salt of its own each time; the same password all the same.
        values["password"] = obj.check_password(PASSWORD)
    for field in obj._meta.many_to_many:
        values[field.name] = set(getattr(obj, field.name).values_list("pk", flat=True))
    return values


def _history(obj, since: int = 0) -> list[tuple]:
    """Each history row from the `since`-th on: its type, its user and the fields it
    changed from the row before."""
    rows = list(obj.history.order_by("history_date", "history_id"))
    entries = []
    for index, row in enumerate(rows):
        if index < since:
            continue
        changed = []
        if index:
            delta = row.diff_against(rows[index - 1])
            changed = sorted(set(delta.changed_fields) - MOMENTS)
        entries.append((row.history_type, row.history_user_id, changed))
    return entries


@pytest.fixture
def person(cast):
    """A superuser reading and writing ISO dates and Latin digits in English."""
    return User.objects.create_superuser(
        "saver",
        "saver@example.org",
        "pw",
        home_unit=cast.tehran_root,
        language="en",
        calendar=calendars.GREGORIAN,
        digits=calendars.LATIN_DIGITS,
    )


def _door(reg, make):
    """Run `make` (one door) in a rolled-back savepoint; the record it created, as
    stored, and its history."""
    model = reg.model
    existing = set(model._base_manager.values_list("pk", flat=True))
    with transaction.atomic():
        response = make()
        assert response.status_code in (201, 302), (response.status_code, _why(response))
        made = list(model._base_manager.exclude(pk__in=existing))
        assert len(made) == 1, made
        result = (_stored(made[0]), _history(made[0]))
        transaction.set_rollback(True)
    return result


@pytest.mark.parametrize("label", ADDED)
def test_it_stores_the_same_record_and_history_through_every_door(label, cast, person, client):
    reg, sc = REGISTERS[label], scenarios()[label]
    client.force_login(person)
    form = reg.form(user=person)
    data = _input(reg, form, sc.payload(cast, cast.inside))
    api_url = f"/api/{reg.model._meta.app_label}/{reg.url_slug()}/"

    tz = zoneinfo.ZoneInfo(cast.tehran.time_zone)
    page = _door(reg, lambda: client.post(reverse(reg.url_name("add")), _page_data(form, data, tz)))
    api = _door(reg, lambda: client.post(api_url, _api_data(data), content_type="application/json"))
    assert api[0] == page[0]
    assert page[1][0] == ("+", person.pk, [])
    assert api[1] == page[1]
    if reg.model.bulk_rows:
        return  # files of readings go through the bulk import (decision 0003)
    upload = SimpleUploadedFile(f"{reg.model._meta.model_name}.csv", _csv(form, data, tz))
    imported = _door(reg, lambda: client.post(reverse(reg.url_name("import")), {"file": upload}))
    assert imported[0] == page[0]
    assert imported[1] == page[1]


@pytest.mark.parametrize("label", sorted(set(REGISTERS) & set(scenarios())))
def test_it_writes_the_same_history_for_a_change_on_the_page_and_in_the_api(
    label, cast, person, client
):
    reg, sc = REGISTERS[label], scenarios()[label]
    obj = sc.make(cast, cast.inside)
    change = sc.change(obj)
    client.force_login(person)
    form = reg.form(instance=obj, user=person)
    data = _input(reg, form, {})
    data.update({name: _plain(value) for name, value in change.items() if name in data})
    rows = obj.history.count()
    api_url = f"/api/{reg.model._meta.app_label}/{reg.url_slug()}/{obj.pk}/"

    def edit(make):
        with transaction.atomic():
            response = make()
            assert response.status_code in (200, 302), (response.status_code, _why(response))
            result = (_stored(obj), _history(obj, since=rows))
            transaction.set_rollback(True)
        return result

    tz = zoneinfo.ZoneInfo(cast.tehran.time_zone)
    url = reverse(reg.url_name("edit"), args=[obj.pk])
    page = edit(lambda: client.post(url, _page_data(form, data, tz)))
    api = edit(lambda: client.patch(api_url, _api_data(change), content_type="application/json"))
    assert api[0] == page[0]
    assert api[1] == page[1]
    assert all(entry[:2] == ("~", person.pk) for entry in page[1])


@pytest.mark.parametrize("label", sorted(NOT_ADDED))
def test_it_refuses_to_add_what_is_never_added_with_a_message(label, cast, person, client):
    """Even a superuser, whom every add page and endpoint lets in, gets a 400 with the
    reason, never a server error, and nothing is stored."""
    reg = REGISTERS[label]
    client.force_login(person)
    page = client.post(reverse(reg.url_name("add")), {})
    assert page.status_code == 400
    assert _why(page)["__all__"]
    api_url = f"/api/{reg.model._meta.app_label}/{reg.url_slug()}/"
    api = client.post(api_url, {}, content_type="application/json")
    assert api.status_code == 400
    assert not reg.model._base_manager.exists()
