"""A representative enters a month of daily readings for three meters of a workplace on
a phone, from the home page, in at most three page loads: in Danish with decimal
commas and in Persian with Persian digits and `٫`. The stored values are exact. And a
Jalali date-time typed as a meter's next reading is stored as the right UTC instant."""

import datetime as dt
import re
import zoneinfo
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from zist.core import calendars, numbers
from zist.e2e import log_in, screenshot
from zist.meters.models import Reading
from zist.meters.testing import make_meter
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e


class Tally:
    """What the person did: taps, typed fields, and the pages the browser loaded."""

    def __init__(self, page):
        self.page = page
        self.taps = 0
        self.typed = 0
        self.loads: list[str] = []
        page.on("load", lambda p: self.loads.append(p.url))

    def tap(self, locator) -> None:
        locator.tap()
        self.taps += 1

    def type(self, locator, text: str) -> None:
        locator.fill(text)
        self.typed += 1

    def report(self, label: str) -> str:
        line = f"{label}: {self.taps} taps, {self.typed} typed fields, {len(self.loads)} page loads"
        print(line, *self.loads, sep="\n  ")
        return line


def enter_month(page, unit, meters, month_link: str, values, name: str) -> Tally:
    """From the home page just reached: tap the month's quick entry, type every cell,
    save. `values[(meter, day)]` is the text typed."""
    page.wait_for_load_state("load")
    tally = Tally(page)
    tally.loads.append(page.url)  # the home page the login led to
    tally.tap(page.locator(".quick-list a", has_text=month_link).first)
    expect(page.locator("table.reading-grid")).to_be_visible()
    screenshot(page, f"{name}-grid-empty")
    for (meter, day), text in values.items():
        tally.type(page.locator(f"#r-{meter.pk}-{day.isoformat()}"), text)
    tally.tap(page.locator("form.reading-grid-form button[type=submit]"))
    # Ninety readings checked and stored with their history: about a second alone, more
    # on a CI machine that runs other browser tests beside this one.
    expect(page.locator(".message-success")).to_be_visible(timeout=15000)
    screenshot(page, f"{name}-grid-saved")
    return tally


def three_meters(unit, prefix):
    return [
        make_meter(unit, code=f"{prefix}-EL", interval="daily"),
        make_meter(
            unit, code=f"{prefix}-FV", carrier="district_heat", measure_unit="MWh", interval="daily"
        ),
        make_meter(unit, code=f"{prefix}-VA", carrier="water", measure_unit="m³", interval="daily"),
    ]


def test_a_danish_representative_enters_november_with_decimal_commas(phone390):
    unit = Unit.objects.get(code="bibliotek", organisation__language="da")
    meters = three_meters(unit, "BIB")
    days = [dt.date(2026, 11, 1) + dt.timedelta(days=n) for n in range(30)]
    values, expected = {}, {}
    for n, day in enumerate(days):
        for k, meter in enumerate(meters):
            whole, tenths = 750100 * (k + 1) + 37 * n, (n * 7 + k) % 10
            values[meter, day] = f"{whole},{tenths}"
            expected[meter, day] = Decimal(f"{whole}.{tenths}")
    log_in(phone390, "albertslund.rep")
    screenshot(phone390, "da-home")
    tally = enter_month(phone390, unit, meters, "november 2026", values, "da")
    tally.report("Danish month")
    assert len(tally.loads) <= 3
    assert tally.typed == 90

    zone = zoneinfo.ZoneInfo("Europe/Copenhagen")
    stored = {
        (r.meter, timezone_date(r.timestamp, zone)): numbers.to_decimal(r.value)
        for r in Reading.objects.filter(meter__in=meters)
    }
    assert stored == expected
    for reading in Reading.objects.filter(meter__in=meters):
        assert reading.timestamp.astimezone(zone).time() == dt.time(8, 0)


def test_a_persian_representative_enters_aban_in_persian_digits(phone390):
    unit = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    meters = three_meters(unit, "D3")
    # Aban 1405: 23 October – 21 November 2026.
    first = calendars.from_jalali(1405, 8, 1)
    days = [first + dt.timedelta(days=n) for n in range(30)]
    values, expected = {}, {}
    for n, day in enumerate(days):
        for k, meter in enumerate(meters):
            whole, hundredths = 41000 * (k + 1) + 53 * n, (n * 13 + k) % 100
            values[meter, day] = (
                calendars.to_persian_digits(f"{whole}")
                + "٫"
                + (calendars.to_persian_digits(f"{hundredths:02d}"))
            )
            expected[meter, day] = Decimal(f"{whole}.{hundredths:02d}")
    log_in(phone390, "district3.rep")
    screenshot(phone390, "fa-home")
    tally = enter_month(phone390, unit, meters, "آبان ۱۴۰۵", values, "fa")
    tally.report("Persian month")
    assert len(tally.loads) <= 3

    zone = zoneinfo.ZoneInfo("Asia/Tehran")
    stored = {
        (r.meter, timezone_date(r.timestamp, zone)): numbers.to_decimal(r.value)
        for r in Reading.objects.filter(meter__in=meters)
    }
    assert stored == expected


def test_a_bad_cell_is_named_and_nothing_is_saved(phone390, watch):
    unit = Unit.objects.get(code="bibliotek", organisation__language="da")
    meters = three_meters(unit, "BIB")
    log_in(phone390, "albertslund.rep")
    phone390.locator(".quick-list a", has_text="november 2026").first.tap()
    watch.allow(400, "/da/meters/readings/grid/")
    phone390.locator(f"#r-{meters[0].pk}-2026-11-01").fill("1.000,5")
    phone390.locator(f"#r-{meters[1].pk}-2026-11-02").fill("12,3,4")
    phone390.locator("form.reading-grid-form button[type=submit]").tap()
    errors = phone390.locator("#grid-errors")
    expect(errors).to_contain_text("BIB-FV, 02.11.2026")
    expect(errors).to_contain_text("Intet blev gemt")
    expect(phone390.locator(f"#r-{meters[1].pk}-2026-11-02")).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(phone390.locator(f"#r-{meters[0].pk}-2026-11-01")).to_have_value("1.000,5")
    screenshot(phone390, "da-grid-error")
    assert not Reading.objects.filter(meter__in=meters).exists()


def test_a_jalali_date_time_on_a_meters_page_is_stored_as_the_utc_instant(phone390):
    unit = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    meter = make_meter(unit, code="D3-E")
    log_in(phone390, "district3.rep")
    phone390.goto(f"/fa/meters/meters/{meter.pk}/")
    form = phone390.locator("section.quick-reading form")
    # 11 Azar 1405 is 2 December 2026; 08:00 in Tehran (UTC+03:30) is 04:30 UTC.
    form.locator("input[name=timestamp]").fill("۱۴۰۵/۰۹/۱۱ ۰۸:۰۰")
    form.locator("input[name=value]").fill("۷۵۰۱۰۰٫۴")
    form.locator("button[type=submit]").tap()
    expect(phone390).to_have_url(re.compile(rf"/fa/meters/meters/{meter.pk}/$"))
    reading = Reading.objects.get(meter=meter)
    assert reading.timestamp == dt.datetime(2026, 12, 2, 4, 30, tzinfo=dt.UTC)
    assert numbers.to_decimal(reading.value) == Decimal("750100.4")
    expect(phone390.locator("main")).to_contain_text("۱۴۰۵/۰۹/۱۱ ۰۸:۰۰")


def timezone_date(moment, zone) -> dt.date:
    return moment.astimezone(zone).date()
