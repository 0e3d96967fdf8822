import datetime as dt
import zoneinfo
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from zist.indicators.rollups import Figures
from zist.indicators.testing import make_indicator
from zist.meters import aggregates, imports
from zist.meters.models import MonthlyConsumption, Reading
from zist.meters.testing import make_meter

TEHRAN = zoneinfo.ZoneInfo("Asia/Tehran")
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def months(meter) -> dict:
    """The meter's kept months as {local first day: (sum, readings)}."""
    zone = zoneinfo.ZoneInfo(meter.unit.organisation.time_zone)
    return {
        m.month_start.astimezone(zone).replace(tzinfo=None): (m.consumption, m.readings)
        for m in MonthlyConsumption.objects.filter(meter=meter).order_by("month_start")
    }


def day(year, month, date) -> dt.datetime:
    return dt.datetime(year, month, date)


def test_it_keeps_jalali_months_from_midnight_in_tehran(cast):
    meter = make_meter(cast.inside, code="E1", kind="interval", interval="daily")
    data = (
        b"meter,timestamp,value\n"
        b"E1,2024-03-19 23:59,1000\n"  # 29 Esfand 1402, the last minute
        b"E1,2024-03-19T20:30:00+00:00,2000\n"  # 1 Farvardin 1403, 00:00 in Tehran
        b"E1,2024-04-19 23:00,4000\n"  # 31 Farvardin: still Farvardin
        b"E1,2024-04-20 00:00,8000.25\n"  # 1 Ordibehesht
    )
    assert imports.import_readings(data, "nowruz.csv", cast.inside).ok
    # Esfand 1402 began on 20 February 2024, Farvardin 1403 on 20 March (mid-month).
    assert months(meter) == {
        day(2024, 2, 20): (Decimal(1000), 1),
        day(2024, 3, 20): (Decimal(6000), 2),
        day(2024, 4, 20): (Decimal("8000.25"), 1),
    }
    assert aggregates.differences() == []


def test_it_adds_a_later_import_to_the_months_it_shares(cast):
    meter = make_meter(cast.foreign, code="W", kind="cumulative", interval="monthly")
    first = b"meter,timestamp,value\nW,2024-01-01,1000\nW,2024-01-20,1000.1\n"
    second = b"meter,timestamp,value\nW,2024-01-31T23:30:00+00:00,1000.3\nW,2024-03-01,1001\n"
    assert imports.import_readings(first, "a.csv", cast.foreign).ok
    assert imports.import_readings(second, "b.csv", cast.foreign).ok
    # 1000.1 − 1000 is 0.0999999999999 in floating point; the kept sum is exact to
    # nine decimals. 23:30 UTC on 31 January is 1 February in Copenhagen.
    assert months(meter) == {
        day(2024, 1, 1): (Decimal("0.3"), 2),
        day(2024, 2, 1): (Decimal("0.7"), 1),
    }
    assert aggregates.differences() == []


@pytest.fixture
def gas(cast):
    """A cumulative gas meter of Albertslund read on the first of each month."""
    indicator = make_indicator(cast.foreign, code="GAS", measure_unit="m³", source="meters")
    meter = make_meter(
        cast.foreign,
        code="G1",
        carrier="natural_gas",
        measure_unit="m³",
        interval="monthly",
        indicator=indicator,
    )
    data = (
        b"meter,timestamp,value\n"
        b"G1,2024-01-01,1000\nG1,2024-02-01,1100\nG1,2024-03-01,1250\nG1,2024-04-01,1300\n"
    )
    assert imports.import_readings(data, "gas.csv", cast.foreign).ok
    return meter, indicator


def api(cast) -> APIClient:
    client = APIClient()
    client.force_authenticate(cast.superuser)
    return client


def january(cast, indicator):
    start, end = dt.date(2024, 1, 1), dt.date(2024, 2, 1)
    return Figures(cast.superuser, cast.foreign, start, end).at(indicator)


def test_a_corrected_reading_changes_its_months_and_the_figures_above_them(cast, gas):
    meter, indicator = gas
    assert months(meter) == {
        day(2024, 1, 1): (Decimal(100), 1),
        day(2024, 2, 1): (Decimal(150), 1),
        day(2024, 3, 1): (Decimal(50), 1),
    }
    assert january(cast, indicator) == Decimal(100)
    reading = Reading.objects.get(meter=meter, value=1100)
    response = api(cast).patch(
        f"/api/meters/readings/{reading.pk}/", {"value": 1120, "quality": "corrected"}
    )
    assert response.status_code == 200, response.content
    assert months(meter) == {
        day(2024, 1, 1): (Decimal(120), 1),
        day(2024, 2, 1): (Decimal(130), 1),
        day(2024, 3, 1): (Decimal(50), 1),
    }
    assert january(cast, indicator) == Decimal(120)
    assert aggregates.differences() == []


def test_a_deleted_reading_leaves_its_months(cast, gas):
    meter, _indicator = gas
    reading = Reading.objects.get(meter=meter, value=1250)
    assert api(cast).delete(f"/api/meters/readings/{reading.pk}/").status_code == 204
    assert months(meter) == {
        day(2024, 1, 1): (Decimal(100), 1),
        day(2024, 2, 1): (Decimal(200), 1),
    }
    assert aggregates.differences() == []


def test_a_replaced_meter_counts_from_its_new_register(cast, gas):
    meter, _indicator = gas
    response = api(cast).post(
        "/api/meters/readings/",
        {
            "meter": meter.pk,
            "timestamp": "2024-02-15T00:00:00+01:00",
            "value": 5,
            "restart": True,
        },
    )
    assert response.status_code == 201, response.content
    # The old register counted nothing between 1 and 15 February; the new one 5 → 1250.
    assert months(meter) == {
        day(2024, 1, 1): (Decimal(100), 1),
        day(2024, 2, 1): (Decimal(1245), 1),
        day(2024, 3, 1): (Decimal(50), 1),
    }
    assert aggregates.differences() == []


def test_a_roll_over_set_on_the_meter_counts_the_register_going_round(cast):
    meter = make_meter(cast.foreign, code="R", interval="monthly")
    data = b"meter,timestamp,value\nR,2024-01-01,99990\nR,2024-02-01,20\n"
    assert imports.import_readings(data, "r.csv", cast.foreign).ok
    assert months(meter) == {}  # the register went backwards: nothing counted
    response = api(cast).patch(f"/api/meters/meters/{meter.pk}/", {"rollover": 100000})
    assert response.status_code == 200, response.content
    assert months(meter) == {day(2024, 1, 1): (Decimal(30), 1)}


def test_roll_ups_read_whole_months_kept_and_partial_ones_from_readings(cast):
    indicator = make_indicator(cast.foreign, code="HEAT", measure_unit="kWh", source="meters")
    meter = make_meter(
        cast.foreign, code="H", kind="interval", interval="irregular", indicator=indicator
    )
    data = (
        b"meter,timestamp,value\n"
        b"H,2024-01-10,10\nH,2024-01-20,20\nH,2024-02-05,40\nH,2024-03-05,80\nH,2024-03-15,160\n"
    )
    assert imports.import_readings(data, "h.csv", cast.foreign).ok
    start, end = dt.date(2024, 1, 15), dt.date(2024, 3, 10)

    def figures():
        found = Figures(cast.superuser, cast.foreign, start, end)
        return found.at(indicator), found.own(indicator)[cast.foreign.pk]

    assert figures() == (Decimal(140), Decimal(140))
    # February is read from its kept sum, the edges of January and March from readings:
    # a kept sum changed behind the product's back shows (and `check` would tell).
    february = dt.datetime(2024, 2, 1, tzinfo=COPENHAGEN)
    MonthlyConsumption.objects.filter(meter=meter, month_start=february).update(
        consumption=Decimal(1000)
    )
    assert figures() == (Decimal(1100), Decimal(1100))


def test_the_check_command_finds_a_difference_and_repairs_it(cast, gas, capsys):
    meter, _indicator = gas
    call_command("aggregates", "check")
    assert "equal the readings" in capsys.readouterr().out
    kept = MonthlyConsumption.objects.get(meter=meter, consumption=150)
    MonthlyConsumption.objects.filter(pk=kept.pk).update(consumption=Decimal("150.5"))
    MonthlyConsumption.objects.filter(meter=meter, consumption=50).delete()
    with pytest.raises(CommandError, match="2 months differ"):
        call_command("aggregates", "check")
    out = capsys.readouterr().out
    assert f"meter {meter.pk}" in out and "150.5" in out and "nothing" in out
    call_command("aggregates", "check", "--repair")
    assert "Repaired 2 months" in capsys.readouterr().out
    assert months(meter)[day(2024, 2, 1)] == (Decimal(150), 1)
    call_command("aggregates", "check")


def test_rebuild_recomputes_every_month(cast, gas):
    meter, _indicator = gas
    MonthlyConsumption.objects.all().delete()
    call_command("aggregates", "rebuild")
    assert len(months(meter)) == 3
    assert aggregates.differences() == []


def test_a_new_time_zone_moves_readings_to_the_months_of_its_midnight(cast):
    meter = make_meter(cast.foreign, code="T", kind="interval", interval="irregular")
    data = b"meter,timestamp,value\nT,2024-01-31T23:30:00+00:00,7\n"
    assert imports.import_readings(data, "t.csv", cast.foreign).ok
    [kept] = MonthlyConsumption.objects.filter(meter=meter)
    assert kept.month_start == dt.datetime(2024, 2, 1, tzinfo=COPENHAGEN)
    cast.albertslund.time_zone = "UTC"
    cast.albertslund.save()
    [kept] = MonthlyConsumption.objects.filter(meter=meter)
    assert kept.month_start == dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


def test_a_representative_reads_only_the_months_of_her_district(cast, make_user):
    rep = make_user("environmental_representative", cast.inside)
    make_meter(cast.inside, code="A", kind="interval", interval="irregular")
    make_meter(cast.outside, code="B", kind="interval", interval="irregular")
    assert imports.import_readings(
        b"meter,timestamp,value\nA,2024-05-01,3\n", "a.csv", cast.inside
    ).ok
    assert imports.import_readings(
        b"meter,timestamp,value\nB,2024-05-01,4\n", "b.csv", cast.outside
    ).ok
    visible = aggregates.visible(rep).values_list("meter__code", flat=True)
    assert list(visible) == ["A"]
    assert aggregates.visible(rep, restricted=False).count() == 2
