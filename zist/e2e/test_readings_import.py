"""Meter readings imported from a file on a phone, stored exactly.

Albertslund's representative, in Danish, uploads a utility's export written the Danish
way (semicolons, decimal commas, day-first dates); District 3's representative, in
Persian, one with Jalali dates and Persian digits. A file with one bad value is refused
with the row named and nothing stored. A large file goes to a background job, which on
PostgreSQL streams it into the yearly partitions (decision 0031); the person follows the
job's page until it says how many readings came in.
"""

import datetime as dt
import re
import zoneinfo
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from zist.core import calendars, numbers
from zist.e2e import log_in, screenshot
from zist.jobs.models import Job, State
from zist.meters import aggregates
from zist.meters.models import ImportBatch, Reading
from zist.meters.testing import make_meter
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e


def _upload(page, lang: str, unit: Unit, name: str, data: bytes) -> None:
    page.goto(f"/{lang}/meters/readings/import/")
    page.locator("#id_unit").select_option(str(unit.pk))
    page.locator("#id_file").set_input_files(
        files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )
    page.locator("main form.record-form button[type=submit]").tap()


def _stored(meters, zone) -> dict:
    return {
        (r.meter.code, r.timestamp.astimezone(zone).replace(tzinfo=None)): numbers.to_decimal(
            r.value
        )
        for r in Reading.objects.filter(meter__in=meters).select_related("meter")
    }


def test_a_danish_representative_imports_november_written_the_danish_way(phone390):
    unit = Unit.objects.get(code="bibliotek", organisation__language="da")
    meters = [make_meter(unit, code="BIB-EL"), make_meter(unit, code="BIB-VA")]
    lines, expected = ["måler;tidspunkt;værdi"], {}
    for n in range(30):
        day = dt.date(2026, 11, 1) + dt.timedelta(days=n)
        for k, meter in enumerate(meters):
            whole, tenths = 750100 * (k + 1) + 37 * n, (n + k) % 10
            # A thousands dot, as Danish spreadsheets write large values.
            grouped = f"{whole:,}".replace(",", ".")
            lines.append(f"{meter.code};{day:%d.%m.%Y} 08:00;{grouped},{tenths}")
            expected[meter.code, dt.datetime(day.year, day.month, day.day, 8)] = Decimal(
                f"{whole}.{tenths}"
            )
    data = "\n".join(lines).encode()
    log_in(phone390, "albertslund.rep")
    phone390.goto("/da/meters/readings/import/")
    # The Danish form starts with decimal commas ticked; the columns are named here.
    expect(phone390.locator("#id_decimal_comma")).to_be_checked()
    phone390.locator("#id_meter_column").fill("måler")
    phone390.locator("#id_timestamp_column").fill("tidspunkt")
    phone390.locator("#id_value_column").fill("værdi")
    phone390.locator("#id_unit").select_option(str(unit.pk))
    phone390.locator("#id_file").set_input_files(
        files=[{"name": "november.csv", "mimeType": "text/csv", "buffer": data}]
    )
    phone390.locator("main form.record-form button[type=submit]").tap()

    expect(phone390.locator(".message-success")).to_contain_text("60")
    screenshot(phone390, "da-readings-imported")
    assert _stored(meters, zoneinfo.ZoneInfo("Europe/Copenhagen")) == expected
    batch = ImportBatch.objects.get(file_name="november.csv")
    assert (batch.rows, batch.created_readings, batch.user.username) == (
        60,
        60,
        "albertslund.rep",
    )
    # The readings' consumption follows from the registers: 37 a day, tenths apart.
    el = Reading.objects.filter(meter=meters[0]).order_by("timestamp")
    assert [round(r.consumption, 1) for r in el[1:4]] == [37.1, 37.1, 37.1]


def test_a_persian_representative_imports_jalali_dates_in_persian_digits(phone390):
    unit = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    meter = make_meter(unit, code="D3-EL")
    first = calendars.from_jalali(1405, 8, 1)  # 1 Aban 1405
    lines, expected = ["meter,timestamp,value"], {}
    for n in range(10):
        day = first + dt.timedelta(days=n)
        j = calendars.to_jalali(day)
        stamp = calendars.to_persian_digits(f"{j.year}/{j.month:02d}/{j.day:02d} 07:30")
        whole, hundredths = 41000 + 53 * n, (n * 13) % 100
        value = (
            calendars.to_persian_digits(f"{whole}")
            + "٫"
            + calendars.to_persian_digits(f"{hundredths:02d}")
        )
        lines.append(f"D3-EL,{stamp},{value}")
        expected["D3-EL", dt.datetime(day.year, day.month, day.day, 7, 30)] = Decimal(
            f"{whole}.{hundredths:02d}"
        )
    log_in(phone390, "district3.rep")
    _upload(phone390, "fa", unit, "aban.csv", "\n".join(lines).encode())

    expect(phone390.locator(".message-success")).to_contain_text("۱۰ قرائت تازه")
    # The upload's progress shows only while a file is on its way.
    expect(phone390.locator("[data-progress]")).to_be_hidden()
    screenshot(phone390, "fa-readings-imported")
    assert _stored([meter], zoneinfo.ZoneInfo("Asia/Tehran")) == expected


def test_a_file_with_one_bad_value_is_refused_with_its_row_named(phone390, watch):
    unit = Unit.objects.get(code="bibliotek", organisation__language="da")
    make_meter(unit, code="BIB-EL")
    data = (
        "meter;timestamp;value\nBIB-EL;01.11.2026 08:00;750.100,4\nBIB-EL;02.11.2026 08:00;tolv\n"
    )
    log_in(phone390, "albertslund.rep")
    watch.allow(400, "/da/meters/readings/import/")
    _upload(phone390, "da", unit, "forkert.csv", data.encode())

    errors = phone390.locator("table.import-errors")
    expect(errors).to_contain_text("tolv")
    expect(errors.locator("tbody tr")).to_have_count(1)
    expect(errors.locator("tbody td").first).to_have_text("3")
    screenshot(phone390, "da-readings-refused")
    assert not Reading.objects.filter(meter__code="BIB-EL").exists()
    assert not ImportBatch.objects.filter(file_name="forkert.csv").exists()


def test_a_large_file_is_imported_by_a_job_the_person_follows(phone390, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    unit = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    meters = [make_meter(unit, code=f"D3-{k:02d}", interval="daily") for k in range(36)]
    days = [dt.date(2021, 1, 1) + dt.timedelta(days=n) for n in range(2000)]
    lines = ["meter,timestamp,value"]
    for k, meter in enumerate(meters):
        lines += [
            f"{meter.code},{day} 00:00,{1000 * k + 10 * n + 0.5}" for n, day in enumerate(days)
        ]
    data = "\n".join(lines).encode()
    assert len(data) > 2_000_000  # streamed on PostgreSQL (zist.meters.store)
    log_in(phone390, "district3.rep")
    _upload(phone390, "fa", unit, "five-years.csv", data)

    expect(phone390).to_have_url(re.compile(r"/fa/jobs/[0-9a-f-]{36}/$"))
    result = phone390.locator("dl.details")
    expect(result).to_contain_text("۷۲٬۰۰۰", timeout=90_000)  # the page reloads itself
    screenshot(phone390, "fa-readings-import-job-done")
    job = Job.objects.get(name="import-readings", user__username="district3.rep")
    assert job.state == State.DONE and job.result["created"] == 72_000
    stored = Reading.objects.filter(meter__in=meters)
    assert stored.count() == 72_000
    last = stored.filter(meter=meters[35]).order_by("-timestamp").first()
    assert (last.value, last.consumption) == (1000 * 35 + 10 * 1999 + 0.5, 10)
    assert not aggregates.differences([m.pk for m in meters])
