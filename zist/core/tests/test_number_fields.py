"""Numbers and date-times typed into Zist's forms and filters, asserted as stored."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from zist.core import calendars
from zist.core.filters import ZistFilterSet
from zist.core.forms import CalendarDateTimeField, NumberField
from zist.core.registry import registers
from zist.meters.models import Reading
from zist.meters.testing import make_meter
from zist.objectives.models import Objective
from zist.users.roles import Role

UTC = dt.UTC


def _url(lang: str, name: str) -> str:
    with translation.override(lang):
        return reverse(name)


def test_no_form_or_filter_of_any_register_drops_what_the_browser_is_given(cast):
    """type=number inputs lose Persian digits and decimal commas in the browser."""
    request = RequestFactory().get("/")
    request.user = cast.superuser
    for register in registers():
        form = register.form(user=cast.superuser)
        filters = register.filterset(request=request).form
        for name, field in [*form.fields.items(), *filters.fields.items()]:
            where = f"{register.label()}.{name}"
            assert getattr(field.widget, "input_type", "") != "number", where
            model_field = (
                register.model._meta.get_field(name.split("__")[0])
                if name in {f.name for f in register.model._meta.fields}
                else None
            )
            if (
                model_field is not None
                and model_field.get_internal_type()
                in {
                    "DecimalField",
                    "FloatField",
                    "IntegerField",
                    "PositiveIntegerField",
                    "PositiveSmallIntegerField",
                    "SmallIntegerField",
                }
                and not model_field.choices
            ):
                assert isinstance(field, NumberField), where
                assert field.widget.attrs["inputmode"] in ("decimal", "numeric"), where
            if model_field is not None and model_field.get_internal_type() == "DateTimeField":
                assert isinstance(field, CalendarDateTimeField), where


def _reading(client, lang, meter, value, timestamp="2026-12-01 08:00"):
    return client.post(
        _url(lang, "meters:reading_add"),
        {"meter": meter.pk, "timestamp": timestamp, "value": value, "quality": "measured"},
    )


@pytest.mark.parametrize(
    ("lang", "digits", "typed", "stored"),
    [
        ("da", "latin", "750100,4", 750100.4),  # was stored as 7501004
        ("da", "latin", "750.100,4", 750100.4),
        ("fi", "latin", "750 100,4", 750100.4),
        ("fa", "persian", "۷۵۰۱۰۰٫۴", 750100.4),  # the server refused ٫
        ("fa", "persian", "۷۵۰٬۱۰۰٫۴", 750100.4),  # …and ٬
        ("fa", "persian", "۷۵۰۱۰۰/۴", 750100.4),
        ("en", "latin", "750,100.4", 750100.4),
    ],
)
def test_it_stores_a_reading_exactly_as_typed_in_each_language(
    cast, make_user, client, lang, digits, typed, stored
):
    user = make_user(
        Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside, language=lang, calendar="gregorian"
    )
    client.force_login(user)
    meter = make_meter(cast.inside)
    response = _reading(client, lang, meter, typed)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Reading.objects.get(meter=meter).value == stored


@pytest.mark.parametrize(
    ("lang", "typed", "example"),
    [
        ("da", "1.234,5,6", "1.234,5"),
        ("da", "750100.4", "1.234,5"),
        ("en", "750100,4", "1,234.5"),
        ("fa", "۷۵۰۱۰۰٫۴٫۱", "۱٬۲۳۴٫۵"),
        ("da", "ca. 12", "1.234,5"),
    ],
)
def test_it_refuses_an_ambiguous_number_with_an_example_and_saves_nothing(
    cast, make_user, client, lang, typed, example
):
    client.force_login(
        make_user(
            Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside, language=lang, calendar="gregorian"
        )
    )
    meter = make_meter(cast.inside)
    response = _reading(client, lang, meter, typed)
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors["value"])
    assert example in errors
    assert typed in response.content.decode()  # the input keeps what was typed
    assert not Reading.objects.filter(meter=meter).exists()


@pytest.mark.parametrize(
    ("typed", "utc"),
    [
        # 11 Azar 1405 is 2 December 2026; Tehran is UTC+3:30.
        ("۱۴۰۵/۰۹/۱۱ ۰۸:۰۰", dt.datetime(2026, 12, 2, 4, 30, tzinfo=UTC)),
        ("۱۴۰۵-۰۹-۱۱ ۰۸:۰۰", dt.datetime(2026, 12, 2, 4, 30, tzinfo=UTC)),  # not year 1405
        ("١٤٠٥/٠٩/١١ ٠٨:٣٠", dt.datetime(2026, 12, 2, 5, 0, tzinfo=UTC)),
        ("۱۴۰۵/۰۹/۱۱", dt.datetime(2026, 12, 1, 20, 30, tzinfo=UTC)),  # midnight
        ("2026-12-02 08:00", dt.datetime(2026, 12, 2, 4, 30, tzinfo=UTC)),  # pasted ISO
    ],
)
def test_it_stores_a_jalali_date_time_as_the_right_utc_instant(cast, make_user, client, typed, utc):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside, language="fa"))
    meter = make_meter(cast.inside)
    response = _reading(client, "fa", meter, "۱۲", timestamp=typed)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Reading.objects.get(meter=meter).timestamp == utc


def test_it_shows_a_jalali_date_time_as_the_user_typed_it(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside, language="fa"))
    meter = make_meter(cast.inside)
    reading = Reading.objects.create(
        meter=meter, timestamp=dt.datetime(2026, 12, 2, 4, 30, tzinfo=UTC), value=750100.4
    )
    with translation.override("fa"):
        page = client.get(reverse("meters:reading_edit", args=[reading.pk])).content.decode()
    assert 'value="۱۴۰۵/۰۹/۱۱ ۰۸:۰۰"' in page
    assert 'value="۷۵۰۱۰۰٫۴"' in page
    assert 'placeholder="۱۴۰۳/۰۱/۰۱ ۰۸:۳۰"' in page
    assert 'type="number"' not in page


def test_it_refuses_a_date_time_that_does_not_exist_with_an_example(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside, language="fa"))
    meter = make_meter(cast.inside)
    response = _reading(client, "fa", meter, "۱۲", timestamp="۱۴۰۵/۱۳/۱۱ ۰۸:۰۰")
    assert response.status_code == 400
    assert "۱۴۰۳/۰۱/۰۱ ۰۸:۳۰" in " ".join(response.context["form"].errors["timestamp"])
    assert not Reading.objects.exists()


def test_it_stores_a_danish_date_time_in_copenhagen_time(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.foreign, language="da"))
    meter = make_meter(cast.foreign)
    response = _reading(client, "da", meter, "750100,4", timestamp="03.12.2026 08:00")
    assert response.status_code == 302
    reading = Reading.objects.get(meter=meter)
    assert reading.timestamp == dt.datetime(2026, 12, 3, 7, 0, tzinfo=UTC)
    assert reading.value == 750100.4


def test_a_reading_title_is_its_local_time_in_the_users_calendar(cast):
    meter = make_meter(cast.inside, code="BIB-EL")
    reading = Reading.objects.create(
        meter=meter, timestamp=dt.datetime(2026, 12, 2, 21, 0, tzinfo=UTC), value=1
    )
    with calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS):
        with timezone.override("Asia/Tehran"):
            # 00:30 on 3 December in Tehran: 12 Azar, not the UTC day before.
            assert str(reading) == "BIB-EL · ۱۴۰۵/۰۹/۱۲ ۰۰:۳۰"


def _objective(client, lang, unit, **typed):
    data = {
        "unit": unit.pk,
        "code": "power",
        "statement": "کاهش مصرف برق",
        "scope": "common",
        "measure_unit": "kWh",
        "deadline": "2030-12-31",
        **typed,
    }
    return client.post(_url(lang, "objectives:objective_add"), data)


def test_it_stores_an_objective_target_typed_with_persian_separators(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="fa"))
    response = _objective(
        client,
        "fa",
        cast.inside,
        baseline_value="۲٬۰۰۰",
        target_value="۱٬۲۳۴٫۵",
        baseline_year="۱۴۰۳",
        deadline="۱۴۰۹/۱۲/۲۹",
    )
    assert response.status_code == 302, response.context["form"].errors
    objective = Objective.objects.get(code="power")
    assert objective.target_value == Decimal("1234.5")
    assert objective.baseline_value == Decimal("2000")
    assert objective.baseline_year == 1403


def test_it_refuses_more_decimals_than_the_field_keeps_instead_of_rounding(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="da"))
    response = _objective(client, "da", cast.inside, baseline_value="2", target_value="1,23456")
    assert response.status_code == 400
    assert response.context["form"].errors["target_value"]
    assert not Objective.objects.exists()


def test_it_refuses_a_fraction_in_a_whole_number_field(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="da"))
    response = _objective(
        client, "da", cast.inside, baseline_value="2", target_value="1", baseline_year="2024,5"
    )
    assert response.status_code == 400
    assert "1.234" in " ".join(response.context["form"].errors["baseline_year"])
    assert not Objective.objects.exists()


class ValueFilterSet(ZistFilterSet):
    class Meta:
        model = Reading
        fields = {"value": ["exact", "gte"], "timestamp": ["gte"]}


def test_a_filter_reads_numbers_and_date_times_as_the_user_writes_them(cast):
    meter = make_meter(cast.inside)
    Reading.objects.create(meter=meter, timestamp=dt.datetime(2026, 1, 1, tzinfo=UTC), value=1.5)
    Reading.objects.create(
        meter=meter, timestamp=dt.datetime(2026, 12, 2, 5, 0, tzinfo=UTC), value=750100.4
    )
    request = RequestFactory().get("/")
    request.user = cast.superuser
    with translation.override("da"):
        found = ValueFilterSet({"value": "750100,4"}, Reading.objects.all(), request=request)
        assert [r.value for r in found.qs] == [750100.4]
        found = ValueFilterSet({"value__gte": "1.000"}, Reading.objects.all(), request=request)
        assert [r.value for r in found.qs] == [750100.4]
        refused = ValueFilterSet({"value": "1.5"}, Reading.objects.all(), request=request)
        assert not refused.is_valid()
    with (
        translation.override("fa"),
        calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS),
        timezone.override("Asia/Tehran"),
    ):
        since = {"timestamp__gte": "۱۴۰۵/۰۹/۱۱ ۰۸:۰۰"}
        found = ValueFilterSet(since, Reading.objects.all(), request=request)
        assert [r.value for r in found.qs] == [750100.4]


def test_a_widget_the_form_chose_stays_when_its_field_is_swapped(cast):
    from django import forms

    from zist.nonconformities.forms import NonconformityForm

    field = NonconformityForm(user=cast.superuser).fields["source_id"]
    assert isinstance(field, NumberField)
    assert isinstance(field.widget, forms.HiddenInput)
