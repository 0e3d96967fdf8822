"""Bad input as a careless user or an attacker sends it: each answer is a clear,
translated refusal (400 in the API, an error on the form or a 404 on a page), never a
server error, and nothing is stored."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test import Client

from zist.actions.models import Action
from zist.core import calendars
from zist.core.registry import registers
from zist.core.testing import scenarios
from zist.users.models import User
from zist.users.roles import Role


@pytest.fixture
def api(cast):
    client = Client(raise_request_exception=False)
    client.force_login(cast.superuser)
    return client


def _register(label):
    return next(r for r in registers() if r.label() == label)


def _api_base(label) -> str:
    reg = _register(label)
    return f"/api/{reg.model._meta.app_label}/{reg.url_slug()}/"


UNIT_FIELDS = [
    ("indicators.indicator", "measure_unit"),
    ("indicators.indicatorvalue", "value_unit"),
    ("meters.meter", "measure_unit"),
    ("emissions.emissionfactor", "factor_unit"),
    ("emissions.emissionfactor", "conversion"),
    ("emissions.instrument", "quantity_unit"),
    ("emissions.instrument", "factor_unit"),
]


@pytest.mark.parametrize("text", ["kg+", "(", "*", "kg)", "1/0", "km**99999", "9**9**9 kg"])
@pytest.mark.parametrize(("label", "field"), UNIT_FIELDS)
def test_it_refuses_a_unit_expression_pint_cannot_read(label, field, text, cast, api):
    model = _register(label).model
    before = model.objects.count()
    payload = {**scenarios()[label].payload(cast, cast.inside), field: text}
    response = api.post(_api_base(label), payload, content_type="application/json")
    assert response.status_code == 400, response.content[:300]
    assert field in response.json()
    assert model.objects.count() == before


def test_it_answers_an_integer_past_64_bits_with_nothing_or_a_400(cast, api):
    huge = "9" * 30
    for path in (
        f"/api/emissions/factors/?valid_from={huge}",
        f"/api/emissions/instruments/?year={huge}",
        f"/api/audits/programmes/?year=-{huge}",
        f"/api/actions/actions/?unit={huge}",
    ):
        response = api.get(path)
        assert response.status_code in (200, 400), (path, response.status_code)
        if response.status_code == 200:
            assert response.json()["results"] == []
    assert api.get(f"/en/emissions/factors/?valid_from={huge}").status_code == 200
    assert api.get(f"/api/actions/actions/{huge}/").status_code == 404
    # A many-to-many choice is checked with `pk__in`, which SQLite cannot bind past 64 bits.
    response = api.post("/en/objectives/objectives/add/", {"aspects": [huge]})
    assert response.status_code == 400
    assert "aspects" in response.context["form"].errors
    assert api.get(f"/en/actions/actions/{huge}/").status_code == 404


@pytest.mark.parametrize("pk", ["abc", "1.5", "²", "9" * 30])
def test_it_answers_a_bad_id_on_a_custom_action_with_404(pk, cast, api):
    response = api.post(
        f"/api/organisations/units/{pk}/move/", {"parent": 1}, content_type="application/json"
    )
    assert response.status_code == 404
    response = api.post(
        f"/api/organisations/units/{cast.inside.pk}/move/",
        {"parent": pk},
        content_type="application/json",
    )
    assert response.status_code in (400, 404)
    assert api.get(f"/api/audits/programmes/{pk}/risk-plan/").status_code == 404
    assert api.post(f"/api/documents/documentversions/{pk}/submit/").status_code == 404


def test_it_refuses_to_delete_ones_own_user(cast, make_user):
    admin = make_user(Role.ADMINISTRATOR, cast.tehran_root)
    other = make_user(Role.VIEWER, cast.inside)
    client = Client(raise_request_exception=False)
    client.force_login(admin)
    response = client.delete(f"/api/users/users/{admin.pk}/")
    assert response.status_code == 400
    assert "yourself" in response.json()["detail"][0]
    response = client.post(f"/en/users/users/{admin.pk}/delete/", follow=True)
    assert response.status_code == 200
    assert "yourself" in response.content.decode()
    assert User.objects.filter(pk=admin.pk).exists()
    assert client.delete(f"/api/users/users/{other.pk}/").status_code == 204
    assert not User.objects.filter(pk=other.pk).exists()


def test_it_refuses_json_nested_too_deep(cast, api):
    body = '{"title": ' + "[" * 5000 + "]" * 5000 + "}"
    response = api.post("/api/actions/actions/", body, content_type="application/json")
    assert response.status_code == 400
    assert Action.objects.count() == 0


@pytest.mark.parametrize("year", ["0", "00000", "99999", "²", "1" * 30])
def test_it_answers_an_impossible_year_on_the_representatives_page(year, cast, api):
    response = api.get(f"/en/communication/representatives/?year={year}")
    assert response.status_code in (200, 404)
    assert api.get(f"/en/communication/representatives/?organisation={year}").status_code in (
        200,
        404,
    )
    assert api.get(f"/en/indicators/accounts/?year={year}&unit={year}").status_code in (200, 404)


def test_it_shows_a_stored_date_the_jalali_calendar_cannot_hold(cast, make_user):
    Action.objects.create(unit=cast.inside, title="Far", due_date=dt.date(9999, 12, 31))
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, calendar="jalali")
    client = Client(raise_request_exception=False)
    client.force_login(user)
    action = Action.objects.get()
    assert client.get("/fa/actions/actions/").status_code == 200
    page = client.get(f"/fa/actions/actions/{action.pk}/")
    assert page.status_code == 200
    assert client.get(f"/fa/actions/actions/{action.pk}/history/").status_code == 200
    assert client.get("/fa/actions/actions/?export=csv").status_code == 200
    with calendars.override(calendars.JALALI, calendars.LATIN_DIGITS):
        assert calendars.format_date(dt.date(9999, 12, 31)) == "9999-12-31"


@pytest.mark.parametrize(
    ("calendar", "typed"),
    [
        ("jalali", "9999/12/29"),
        ("jalali", "1000/01/01"),
        ("jalali", "1700/01/01"),
        ("jalali", "0001/01/01"),
        ("gregorian", "9999-12-31"),
        ("gregorian", "1800-01-01"),
        ("gregorian", "0001-01-01"),
    ],
)
def test_it_refuses_an_implausible_date_typed_in_either_calendar(calendar, typed, cast, make_user):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, calendar=calendar)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    response = client.post(
        "/en/actions/actions/add/",
        {
            "unit": cast.inside.pk,
            "title": "Far",
            "kind": "task",
            "status": "open",
            "progress": 0,
            "due_date": typed,
        },
    )
    assert response.status_code == 400
    assert "between" in str(response.context["form"].errors["due_date"])
    assert Action.objects.count() == 0


def test_it_refuses_an_implausible_date_in_the_api(cast, api):
    for due in ("9999-12-31", "0001-01-01"):
        response = api.post(
            "/api/actions/actions/",
            {"unit": cast.inside.pk, "title": "Far", "due_date": due},
            content_type="application/json",
        )
        assert response.status_code == 400
        assert "due_date" in response.json()
    assert Action.objects.count() == 0


def test_it_still_reads_plausible_dates_in_both_calendars(cast):
    with calendars.override(calendars.JALALI):
        assert calendars.parse_date("1403/01/01") == dt.date(2024, 3, 20)
        assert calendars.parse_date("2024-03-20") == dt.date(2024, 3, 20)
    assert calendars.parse_date("2200-12-31") == dt.date(2200, 12, 31)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL refuses NUL bytes")
def test_it_answers_a_nul_byte_in_the_public_search(cast):
    client = Client(raise_request_exception=False)
    response = client.get(f"/en/documents/public/?organisation={cast.tehran.pk}&q=a%00b")
    assert response.status_code in (200, 400)
    client.force_login(cast.superuser)
    for path in ("/en/documents/documents/?q=a%00b", "/api/actions/actions/?q=a%00b"):
        assert client.get(path).status_code in (200, 400)


def test_it_accepts_json_of_ordinary_depth(cast, api):
    response = api.post(
        "/api/actions/actions/",
        json.dumps({"unit": cast.inside.pk, "title": "Fine"}),
        content_type="application/json",
    )
    assert response.status_code == 201
