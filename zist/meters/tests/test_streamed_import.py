"""The streamed import (zist.meters.store.stream, decision 0031): on PostgreSQL a large
file of new readings grouped by meter is copied while it is read. It must store
exactly what the whole-file path stores, and hand every other file back to that path
with nothing stored twice or half."""

import datetime as dt

import pytest
from django.db import connection

from zist.meters import aggregates, imports, store
from zist.meters.models import ImportBatch, MonthlyConsumption, Reading
from zist.meters.testing import make_meter

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the streamed import copies into PostgreSQL"
)
FIELDS = ("meter__code", "timestamp", "value", "quality", "consumption", "interval_start", "flag")


@pytest.fixture
def streamed(monkeypatch):
    """Every file takes the streamed path; `calls` says whether it stored it."""
    calls = []
    original = store.stream

    def spy(*args, **kwargs):
        outcome = original(*args, **kwargs)
        calls.append(outcome is not None)
        return outcome

    monkeypatch.setattr(store, "STREAM_FROM_BYTES", 0)
    monkeypatch.setattr(store, "STREAM_BYTES_PER_METER", 0)
    monkeypatch.setattr(store, "STREAM_BLOCK", 3)  # several sends even in a small file
    monkeypatch.setattr(store, "stream", spy)
    return calls


def daily(code: str, first: dt.date, days: int, start: float, step: float) -> list[str]:
    return [
        f"{code},{(first + dt.timedelta(days=d)).isoformat()} 00:00,{start + d * step:.1f}"
        for d in range(days)
    ]


def stored() -> list[tuple]:
    return list(Reading.objects.order_by("meter__code", "timestamp").values_list(*FIELDS))


def months() -> list[tuple]:
    return list(
        MonthlyConsumption.objects.order_by("meter__code", "month_start").values_list(
            "meter__code", "month_start", "consumption", "readings"
        )
    )


def file_of(lines: list[str]) -> bytes:
    return ("meter,timestamp,value\n" + "\n".join(lines) + "\n").encode()


def test_a_streamed_file_stores_what_the_whole_file_path_stores(cast, streamed, monkeypatch):
    for code in ("E1", "E2", "W1"):
        make_meter(cast.inside, code=code)
    first = file_of(
        daily("E1", dt.date(2026, 1, 1), 40, 1000, 12.5)
        + daily("E2", dt.date(2026, 1, 1), 40, 50, 3)
        + daily("W1", dt.date(2026, 1, 1), 40, 7, 0.5)
    )
    second = file_of(
        daily("E1", dt.date(2026, 2, 10), 30, 1500, 10)
        + daily("E2", dt.date(2026, 2, 10), 30, 170, 4)
        + ["W1,2026-02-10 00:00,5"]  # the register went backwards: flagged
    )
    for data in (first, second):
        report = imports.import_readings(data, "f.csv", cast.inside)
        assert report.ok and report.created == data.count(b"\n") - 1
    assert streamed == [True, True]
    through_stream, kept = stored(), months()
    assert ImportBatch.objects.get(file_name="f.csv", rows=40 * 3).created_readings == 120
    assert not aggregates.differences()

    # The same two files the whole-file way, from nothing.
    Reading.objects.all().delete()
    MonthlyConsumption.objects.all().delete()
    monkeypatch.setattr(store, "STREAM_FROM_BYTES", 10**12)
    for data in (first, second):
        assert imports.import_readings(data, "f.csv", cast.inside).ok
    assert streamed == [True, True]
    assert stored() == through_stream
    assert months() == kept
    assert [row[6] for row in through_stream if row[0] == "W1"][-1] == "negative"


@pytest.mark.parametrize(
    "case",
    ["scattered", "backfill", "again", "bad row", "two values", "new year"],
)
def test_every_other_file_goes_the_whole_file_way_with_nothing_stored_twice(cast, streamed, case):
    make_meter(cast.inside, code="E1")
    make_meter(cast.inside, code="E2")
    base = daily("E1", dt.date(2026, 3, 1), 10, 100, 5) + daily("E2", dt.date(2026, 3, 1), 10, 9, 1)
    assert imports.import_readings(file_of(base), "base.csv", cast.inside).ok
    lines = {
        "scattered": daily("E1", dt.date(2026, 4, 1), 2, 200, 5)
        + daily("E2", dt.date(2026, 4, 1), 2, 50, 1)
        + daily("E1", dt.date(2026, 4, 3), 2, 210, 5),
        "backfill": ["E1,2026-03-04 12:00,116"],
        "again": base,
        "bad row": ["E1,2026-04-01 00:00,twelve"],
        "two values": ["E1,2026-04-01 00:00,300", "E1,2026-04-01 00:00,301"],
        "new year": ["E1,2031-01-01 00:00,900"],
    }[case]
    before = Reading.objects.count()
    report = imports.import_readings(file_of(lines), f"{case}.csv", cast.inside)
    # The second file was handed back; one of a new year was streamed again once its
    # year had its partition.
    assert streamed == [True, case == "new year"]
    if case in ("bad row", "two values"):
        assert not report.ok
        assert Reading.objects.count() == before
        assert ImportBatch.objects.filter(file_name=f"{case}.csv").count() == 0
        return
    assert report.ok
    distinct = len({line.rsplit(",", 1)[0] for line in lines})
    assert report.created + report.skipped == distinct
    assert Reading.objects.count() == before + report.created
    assert ImportBatch.objects.filter(file_name=f"{case}.csv").count() == 1
    if case == "backfill":
        e1 = Reading.objects.filter(meter__code="E1").order_by("timestamp")
        assert [r.consumption for r in e1][3:6] == [5, 1, 4]  # derived again around it
    assert not aggregates.differences()
