import datetime as dt
import zoneinfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from zist.meters import imports, store
from zist.meters.models import ImportBatch, Quality, Reading
from zist.meters.testing import make_meter

GOOD = (
    b"meter,timestamp,value,quality\n"
    b"E1,2024-01-01 00:00,1000,measured\n"
    b"E1,2024-02-01 00:00,1100,measured\n"
    b"E1,2024-03-01 00:00,1250,estimated\n"
    b"W1,2024-01-01,50,\n"
    b"W1,2024-02-01,62.5,\n"
)


@pytest.fixture
def meters(cast):
    return (
        make_meter(cast.inside, code="E1"),
        make_meter(cast.inside, code="W1", carrier="water", measure_unit="m³"),
    )


def test_it_imports_readings_and_derives_consumption(cast, meters):
    report = imports.import_readings(GOOD, "jan.csv", cast.inside)
    assert report.ok and report.created == 5
    consumption = list(
        Reading.objects.filter(meter=meters[0])
        .order_by("timestamp")
        .values_list("consumption", flat=True)
    )
    assert consumption == [None, 100, 150]
    # Naive times are the organisation's (Tehran) time.
    first = Reading.objects.get(meter=meters[0], value=1000)
    assert first.timestamp == dt.datetime(2024, 1, 1, tzinfo=zoneinfo.ZoneInfo("Asia/Tehran"))
    assert ImportBatch.objects.get().created_readings == 5


def test_it_imports_the_same_file_twice_as_one_copy(cast, meters):
    imports.import_readings(GOOD, "jan.csv", cast.inside)
    again = imports.import_readings(GOOD, "jan.csv", cast.inside)
    assert (again.created, again.skipped) == (0, 5)
    assert Reading.objects.count() == 5


def test_it_changes_nothing_when_one_row_is_bad_and_names_it(cast, meters):
    bad = GOOD + b"E1,2024-04-01 00:00,twelve,measured\nX9,2024-04-01,1,\n"
    report = imports.import_readings(bad, "bad.csv", cast.inside)
    assert not report.ok
    assert [e.row for e in report.errors] == [7, 8]
    assert "twelve" in report.errors[0].message
    assert "X9" in report.errors[1].message
    assert Reading.objects.count() == 0
    assert ImportBatch.objects.count() == 0


def test_it_continues_a_meter_from_its_last_reading_and_recomputes_a_backfill(cast, meters):
    imports.import_readings(GOOD, "q1.csv", cast.inside)
    imports.import_readings(b"meter,timestamp,value\nE1,2024-04-01,1300\n", "a.csv", cast.inside)
    april = Reading.objects.get(meter=meters[0], value=1300)
    assert april.consumption == 50
    # A reading that lands between stored ones splits the interval it falls in.
    imports.import_readings(b"meter,timestamp,value\nE1,2024-02-15,1160\n", "b.csv", cast.inside)
    march = Reading.objects.get(meter=meters[0], value=1250)
    assert march.consumption == 90
    assert Reading.objects.get(meter=meters[0], value=1160).consumption == 60


def test_it_reads_mapped_columns_decimal_commas_and_jalali_dates(cast, meters):
    data = "Måler;Tid;kWh\nE1;1403/01/01 00:00;1.000,5\nE1;1403/02/01 00:00;1.010,5\n"
    report = imports.import_readings(
        data.encode(),
        "portal.csv",
        cast.inside,
        mapping={"meter": "Måler", "timestamp": "Tid", "value": "kWh"},
        decimal_comma=True,
    )
    assert report.ok, report.errors
    first = Reading.objects.get(meter=meters[0], value=1000.5)
    tehran = zoneinfo.ZoneInfo("Asia/Tehran")
    assert first.timestamp == dt.datetime(2024, 3, 20, tzinfo=tehran)


def test_it_refuses_two_values_for_one_meter_and_time(cast, meters):
    data = b"meter,timestamp,value\nE1,2024-01-01,5\nE1,2024-01-01,6\n"
    report = imports.import_readings(data, "dup.csv", cast.inside)
    assert [e.row for e in report.errors] == [3]


def test_it_finds_only_meters_where_the_user_may_add_readings(cast, make_user, meters):
    make_meter(cast.outside, code="E2")
    rep = make_user("environmental_representative", cast.inside)
    data = b"meter,timestamp,value\nE2,2024-01-01,5\n"
    report = imports.import_readings(data, "x.csv", cast.region, user=rep)
    assert not report.ok
    assert Reading.objects.count() == 0


def test_it_imports_a_file_from_the_command(cast, meters, tmp_path, capsys):
    path = tmp_path / "feed.csv"
    path.write_bytes(GOOD)
    call_command("import-readings", str(path), "--unit", "d3", "--quiet")
    call_command("import-readings", str(path), "--unit", "d3", "--quiet")
    assert Reading.objects.count() == 5
    assert "0 new readings, 5 already present" in capsys.readouterr().out
    path.write_bytes(GOOD + b"E1,not a date,5,\n")
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import-readings", str(path), "--unit", "d3", "--quiet")


def test_it_reads_every_spelling_of_a_row_the_same_way(cast, meters):
    """Rows that leave the fast path (codes in another case, Persian digits, quality
    words, numbers with spaces, a row repeated with the same value) store the same
    readings as plain rows."""
    data = (
        "meter,timestamp,value,quality\n"
        "E1,2024-01-01 00:00,1000,measured\n"
        "e1 ,2024-02-01 00:00,1 100,estimated\n"
        "E1,۲۰۲۴-۰۳-۰۱ ۰۰:۰۰,۱۲۵۰,\n"
        "E1,2024-03-01 00:00,1250,Measured\n"
        "W1,2024-01-01 00:00,50,e\n"
        "\n"
        "W1,2024-01-01 00:00,50,estimated\n"
    ).encode()
    report = imports.import_readings(data, "mixed.csv", cast.inside)
    assert report.ok, report.errors
    assert (report.rows, report.created, report.skipped) == (6, 4, 0)
    tehran = zoneinfo.ZoneInfo("Asia/Tehran")
    stored = {
        (r.meter.code, r.timestamp.astimezone(tehran).month, r.value, r.quality, r.consumption)
        for r in Reading.objects.select_related("meter")
    }
    assert stored == {
        ("E1", 1, 1000, Quality.MEASURED, None),
        ("E1", 2, 1100, Quality.ESTIMATED, 100),
        ("E1", 3, 1250, Quality.MEASURED, 150),
        ("W1", 1, 50, Quality.ESTIMATED, None),
    }


def test_storing_skips_readings_already_there(cast, meters):
    """The storage step itself never duplicates a (meter, time): on PostgreSQL a
    COPY that meets a stored reading is rolled back and redone without it."""
    imports.import_readings(GOOD, "jan.csv", cast.inside)
    batch = ImportBatch.objects.create(unit=cast.inside, file_name="late.csv", sha256="0")
    stored = Reading.objects.get(meter=meters[0], value=1000)
    later = stored.timestamp + dt.timedelta(days=400)
    rows = [
        (meters[0].pk, stored.timestamp, 999.0, "corrected", None, None, "first"),
        (meters[0].pk, later, 2000.0, "measured", 5.0, later, ""),
    ]
    store.insert_rows(rows, batch.pk, "late.csv")
    assert Reading.objects.count() == 6
    assert Reading.objects.get(pk=stored.pk).value == 1000
    assert Reading.objects.get(batch=batch).value == 2000


def test_it_keeps_a_file_name_with_tabs_and_backslashes_as_the_source(cast, meters):
    name = "C:\\exports\\jan\tfinal.csv"
    assert imports.import_readings(GOOD, name, cast.inside).ok
    assert set(Reading.objects.values_list("source", flat=True)) == {name}


def test_imported_readings_are_listed_as_of_a_date_after_their_import(cast, meters, client):
    """Imports write no history row per reading (COPY): the list as of a date shows the
    readings that existed then, read from when each was created."""
    from django.urls import reverse
    from django.utils import timezone

    from zist.core.registry import get_register

    imports.import_readings(GOOD, "jan.csv", cast.inside)
    week_ago = timezone.now() - dt.timedelta(days=7)
    older = Reading.objects.filter(meter__code="W1")
    assert older.update(created=week_ago) == 2  # as if imported a week ago
    client.force_login(cast.superuser)
    url = reverse(get_register(Reading).url_name("list"))

    def listed(day: dt.date) -> int:
        page = client.get(url, {"as_of": day.isoformat(), "export": "csv"})
        assert page.status_code == 200
        return len(b"".join(page.streaming_content).decode("utf-8-sig").splitlines()) - 1

    # "As of" a day is read in the person's time zone (the superuser's is Tehran's):
    # between 20:30 and midnight UTC, Tehran is already a day ahead.
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(cast.tehran.time_zone))
    assert listed(today) == 5
    assert listed(today - dt.timedelta(days=3)) == 2
    assert listed(today - dt.timedelta(days=10)) == 0
