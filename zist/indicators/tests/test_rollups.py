import datetime as dt
from decimal import Decimal

from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings
from zist.indicators.rollups import Figures, emas_core, year_period
from zist.indicators.testing import make_indicator
from zist.meters import imports
from zist.meters.testing import make_meter


def value(indicator, unit, start, amount, end=None, value_unit=""):
    return IndicatorValue.objects.create(
        indicator=indicator,
        unit=unit,
        period_start=start,
        period_end=end or start,
        value=Decimal(amount),
        value_unit=value_unit,
    )


def test_it_knows_the_iranian_year_1403(cast):
    year = year_period(cast.tehran, 1403)
    assert (year.start, year.end) == (dt.date(2024, 3, 20), dt.date(2025, 3, 21))
    assert year_period(cast.albertslund, 2024).start == dt.date(2024, 1, 1)


def test_it_counts_readings_on_the_right_side_of_nowruz(cast):
    """Readings attribute consumption to the interval start, in Tehran time."""
    electricity = make_indicator(cast.region, code="ELEC", measure_unit="MWh", source="meters")
    make_meter(cast.inside, code="E1", kind="interval", interval="daily", indicator=electricity)
    data = (
        b"meter,timestamp,value\n"
        b"E1,2024-03-19 23:59,1000\n"  # 29 Esfand 1402, last minute: year 1402
        b"E1,2024-03-20 00:00,2000\n"  # 1 Farvardin 1403, first minute: year 1403
        b"E1,2025-03-20 23:00,4000\n"  # 30 Esfand 1403 (leap year): still 1403
        b"E1,2025-03-21 00:00,8000\n"  # 1 Farvardin 1404
    )
    assert imports.import_readings(data, "nowruz.csv", cast.inside).ok
    figures = {
        label: Figures(cast.superuser, cast.region, p.start, p.end).at(electricity)
        for label in (1402, 1403, 1404)
        for p in [year_period(cast.tehran, label)]
    }
    assert figures == {1402: Decimal(1), 1403: Decimal(6), 1404: Decimal(8)}


def test_it_rolls_entered_values_up_the_tree_and_converts_units(cast):
    waste = make_indicator(cast.region, code="WASTE", measure_unit="t")
    value(waste, cast.inside, dt.date(2024, 4, 1), "2.5")
    value(waste, cast.inside, dt.date(2024, 5, 1), "500", value_unit="kg")
    value(waste, cast.outside, dt.date(2024, 4, 1), "1")
    value(waste, cast.outside, dt.date(2025, 4, 1), "9")  # next year
    year = year_period(cast.tehran, 1403)
    figures = Figures(cast.superuser, cast.region, year.start, year.end)
    assert figures.at(waste) == Decimal(4)
    assert figures.at(waste, cast.inside) == Decimal(3)
    assert [(u.code, v) for u, v in [(c, figures.at(waste, c)) for c in figures.children()]] == [
        ("d3", Decimal(3)),
        ("d4", Decimal(1)),
    ]


def test_it_takes_the_mean_or_the_last_value_over_the_year(cast):
    staff = make_indicator(cast.region, code="STAFF", measure_unit="person", aggregation="mean")
    area = make_indicator(cast.region, code="AREA", measure_unit="m²", aggregation="last")
    for month, people in ((4, 10), (5, 12), (6, 14)):
        value(staff, cast.inside, dt.date(2024, month, 1), people)
    value(staff, cast.outside, dt.date(2024, 4, 1), 5)
    value(area, cast.inside, dt.date(2024, 4, 1), 100)
    value(area, cast.inside, dt.date(2024, 9, 1), 120)
    year = year_period(cast.tehran, 1403)
    figures = Figures(cast.superuser, cast.region, year.start, year.end)
    assert figures.at(staff) == Decimal(17)  # mean 12 in District 3 + 5 in District 4
    assert figures.at(area) == Decimal(120)


def test_it_evaluates_litres_per_citizen_per_day(cast):
    water = make_indicator(cast.region, code="WATER", measure_unit="m³")
    people = make_indicator(cast.region, code="INHAB", measure_unit="person", aggregation="last")
    per_day = make_indicator(
        cast.region,
        code="LPD",
        measure_unit="L/person/d",
        source="formula",
        formula="WATER * 1000 / INHAB / DAYS",
    )
    value(water, cast.inside, dt.date(2024, 6, 1), 36500)
    value(people, cast.inside, dt.date(2024, 6, 1), 1000)
    year = year_period(cast.albertslund, 2024)  # a Gregorian leap year: 366 days
    figures = Figures(cast.superuser, cast.region, year.start, year.end)
    assert round(figures.at(per_day), 4) == round(Decimal(36_500_000) / 1000 / 366, 4)


def test_it_gives_emas_a_b_and_r(cast):
    energy = make_indicator(cast.region, code="EN", measure_unit="MWh", emas_core=True)
    staff = make_indicator(cast.region, code="FTE", measure_unit="person", aggregation="last")
    MonitoringSettings.objects.create(unit=cast.tehran_root, grid_region="IR", emas_reference=staff)
    value(energy, cast.inside, dt.date(2024, 4, 1), 300)
    value(energy, cast.outside, dt.date(2024, 4, 1), 100)
    value(staff, cast.inside, dt.date(2024, 4, 1), 40)
    value(staff, cast.outside, dt.date(2024, 4, 1), 10)
    [row] = emas_core(cast.superuser, cast.region, year_period(cast.tehran, 1403))
    assert (row["a"], row["b"], row["r"]) == (Decimal(400), Decimal(50), Decimal(8))


def test_it_shows_a_district_representative_only_her_districts_figures(cast, make_user):
    waste = make_indicator(cast.region, code="WASTE", measure_unit="t")
    value(waste, cast.inside, dt.date(2024, 4, 1), 3)
    value(waste, cast.outside, dt.date(2024, 4, 1), 1)
    rep = make_user("environmental_representative", cast.inside)
    year = year_period(cast.tehran, 1403)
    assert Figures(rep, cast.region, year.start, year.end).at(waste) == Decimal(3)
    assert Indicator.objects.restrict(rep).filter(pk=waste.pk).exists()


def test_a_metered_total_converts_each_meters_unit_and_matches_the_units_figures(cast, make_user):
    """The whole-subtree total (one sum per unit of measure) equals the sum of the
    figures per unit, and a representative's total holds her district only."""
    electricity = make_indicator(cast.region, code="ELEC", measure_unit="MWh", source="meters")
    make_meter(cast.inside, code="E1", kind="interval", interval="daily", indicator=electricity)
    make_meter(
        cast.outside,
        code="E2",
        kind="interval",
        interval="daily",
        indicator=electricity,
        measure_unit="MWh",
    )
    make_meter(cast.outside, code="E3", kind="interval", indicator=None)  # not this indicator
    inside = b"meter,timestamp,value\nE1,2024-04-01,1500\nE1,2024-04-02,500\n"
    outside = b"meter,timestamp,value\nE2,2024-04-01,3\nE3,2024-04-01,7000\n"
    assert imports.import_readings(inside, "in.csv", cast.inside).ok
    assert imports.import_readings(outside, "out.csv", cast.outside).ok
    year = year_period(cast.tehran, 1403)
    figures = Figures(cast.superuser, cast.region, year.start, year.end)
    assert figures.at(electricity) == Decimal(5)
    assert figures.at(electricity, cast.inside) == Decimal(2)
    assert figures.at(electricity, cast.outside) == Decimal(3)
    assert figures.at(electricity, cast.region) == Decimal(5)
    rep = make_user("environmental_representative", cast.inside)
    assert Figures(rep, cast.region, year.start, year.end).at(electricity) == Decimal(2)
    empty = year_period(cast.tehran, 1400)
    assert Figures(cast.superuser, cast.region, empty.start, empty.end).at(electricity) is None
