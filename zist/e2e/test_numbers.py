"""Numbers and date-times typed on a phone, as people write them, stored exactly.

A Danish representative types a reading with a decimal comma, a Persian one with
Persian digits and `٫` and a Jalali date-time, a Persian manager an objective target
`۱٬۲۳۴٫۵`: the database holds exactly those numbers and the right UTC instants.
"""

import datetime as dt
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from zist.e2e import log_in, screenshot
from zist.meters.models import Meter, Reading
from zist.objectives.models import Objective
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e

UTC = dt.UTC


def _meter(unit: Unit, code: str) -> Meter:
    return Meter.objects.create(unit=unit, code=code, carrier="electricity", measure_unit="kWh")


def _enter_reading(page, lang: str, meter: Meter, timestamp: str, value: str) -> None:
    page.goto(f"/{lang}/meters/readings/add/")
    page.locator("#id_meter").select_option(str(meter.pk))
    value_input = page.locator("#id_value")
    # Typed key by key, as a thumb does: a type=number input would drop "," and "٫".
    page.locator("#id_timestamp").press_sequentially(timestamp)
    value_input.press_sequentially(value)
    expect(value_input).to_have_value(value)
    assert value_input.get_attribute("type") == "text"
    assert value_input.get_attribute("inputmode") == "decimal"


def _submit(page) -> None:
    page.locator("main form.record-form button[type=submit]").click()


def test_a_danish_representative_enters_a_reading_with_a_decimal_comma(phone390):
    library = Unit.objects.get(code="bibliotek", organisation__language="da")
    meter = _meter(library, "BIB-EL")
    log_in(phone390, "albertslund.rep")

    _enter_reading(phone390, "da", meter, "03.12.2026 08:00", "750100,4")
    _submit(phone390)

    expect(phone390).to_have_url(re.compile(r"/da/meters/readings/\d+/$"))
    reading = Reading.objects.get(meter=meter)
    assert reading.value == 750100.4  # not 7501004
    assert reading.timestamp == dt.datetime(2026, 12, 3, 7, 0, tzinfo=UTC)  # Copenhagen
    fields = phone390.locator("dl.fields")
    expect(fields).to_contain_text("750.100,4")
    expect(fields).to_contain_text("03.12.2026 08:00")


def test_a_persian_representative_enters_a_reading_in_persian_digits_and_jalali_time(
    phone390,
):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    meter = _meter(district3, "D3-EL")
    log_in(phone390, "district3.rep")

    # 11 Azar 1405 at 08:00 in Tehran (UTC+3:30) is 2 December 2026, 04:30 UTC.
    _enter_reading(phone390, "fa", meter, "۱۴۰۵/۰۹/۱۱ ۰۸:۰۰", "۷۵۰۱۰۰٫۴")
    expect(phone390.locator("#id_timestamp")).to_have_attribute("placeholder", "۱۴۰۳/۰۱/۰۱ ۰۸:۳۰")
    screenshot(phone390, "fa-phone-reading-form")
    _submit(phone390)

    expect(phone390).to_have_url(re.compile(r"/fa/meters/readings/\d+/$"))
    reading = Reading.objects.get(meter=meter)
    assert reading.value == 750100.4
    assert reading.timestamp == dt.datetime(2026, 12, 2, 4, 30, tzinfo=UTC)
    fields = phone390.locator("dl.fields")
    expect(fields).to_contain_text("۷۵۰٬۱۰۰٫۴")
    expect(fields).to_contain_text("۱۴۰۵/۰۹/۱۱ ۰۸:۰۰")
    # The title shows the local Jalali time, not a UTC ISO stamp.
    expect(phone390.locator("h1")).to_contain_text("D3-EL · ۱۴۰۵/۰۹/۱۱ ۰۸:۰۰")


def test_a_jalali_date_time_written_with_dashes_is_not_the_gregorian_year_1405(phone390):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    meter = _meter(district3, "D3-GAS")
    log_in(phone390, "district3.rep")

    _enter_reading(phone390, "fa", meter, "۱۴۰۵-۰۹-۱۱ ۰۸:۰۰", "۱۲")
    _submit(phone390)

    expect(phone390).to_have_url(re.compile(r"/fa/meters/readings/\d+/$"))
    assert Reading.objects.get(meter=meter).timestamp == dt.datetime(2026, 12, 2, 4, 30, tzinfo=UTC)


def test_an_ambiguous_number_is_refused_with_an_example_and_nothing_is_saved(phone390, watch):
    library = Unit.objects.get(code="bibliotek", organisation__language="da")
    meter = _meter(library, "BIB-VAND")
    watch.allow(400, "/da/meters/readings/add/")
    log_in(phone390, "albertslund.rep")

    _enter_reading(phone390, "da", meter, "03.12.2026 08:00", "1.234,5,6")
    _submit(phone390)

    expect(phone390.locator("#id_value_error")).to_contain_text("1.234,5")
    expect(phone390.locator("#id_value")).to_have_value("1.234,5,6")
    assert not Reading.objects.filter(meter=meter).exists()


def test_a_persian_manager_types_an_objective_target_with_persian_separators(phone390):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    log_in(phone390, "region2.manager")

    phone390.goto("/fa/objectives/objectives/add/")
    phone390.locator("#id_unit").select_option(str(district3.pk))
    phone390.locator("#id_code").fill("barq-1405")
    phone390.locator("#id_statement").fill("کاهش مصرف برق ساختمان ناحیه")
    phone390.locator("#id_measure_unit").fill("MWh")
    phone390.locator("#id_baseline_value").press_sequentially("۲٬۰۰۰")
    phone390.locator("#id_target_value").press_sequentially("۱٬۲۳۴٫۵")
    phone390.locator("#id_deadline").fill("۱۴۰۹/۱۲/۲۹")
    screenshot(phone390, "fa-phone-objective-form")
    _submit(phone390)

    expect(phone390).to_have_url(re.compile(r"/fa/objectives/objectives/\d+/$"))
    objective = Objective.objects.get(code="barq-1405")
    assert objective.target_value == Decimal("1234.5")
    assert objective.baseline_value == Decimal("2000")
    expect(phone390.locator("dl.fields")).to_contain_text("۱٬۲۳۴٫۵")


def test_a_persian_table_of_readings_shows_persian_numbers(phone390):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    meter = _meter(district3, "D3-AB")
    for day, value in ((1, 34909.3999999991), (2, 14846.600000000093), (3, 74100.0)):
        Reading.objects.create(
            meter=meter, timestamp=dt.datetime(2026, 12, day, 4, 30, tzinfo=UTC), value=value
        )
    log_in(phone390, "district3.rep")

    phone390.goto("/fa/meters/readings/")
    table = phone390.locator("table.register")
    for text in ("۳۴٬۹۰۹٫۴", "۱۴٬۸۴۶٫۶", "۷۴٬۱۰۰"):
        expect(table).to_contain_text(text)
    expect(table).not_to_contain_text("۹۹۹۹")  # no float noise
    expect(table).not_to_contain_text(".")  # no Latin decimal point between Persian digits
    screenshot(phone390, "fa-phone-readings-table")
