import datetime as dt
from decimal import Decimal

from django.urls import reverse

from zist.energy.analysis import analyse, months
from zist.energy.models import Baseline, DegreeDays
from zist.indicators.models import IndicatorValue
from zist.indicators.testing import make_indicator

# Baseline year: energy = 1000 + 2 × HDD exactly; report year uses 10 % less.
HDD = [400, 350, 300, 200, 100, 50, 20, 30, 80, 200, 300, 380]


def test_it_lists_calendar_months():
    assert months(dt.date(2024, 11, 15), dt.date(2025, 2, 1)) == [
        (dt.date(2024, 11, 1), dt.date(2024, 12, 1)),
        (dt.date(2024, 12, 1), dt.date(2025, 1, 1)),
        (dt.date(2025, 1, 1), dt.date(2025, 2, 1)),
    ]


def test_it_fits_the_baseline_and_tracks_savings(cast, make_user, client):
    energy = make_indicator(cast.inside, code="HEAT", measure_unit="kWh")
    for year, factor in ((2023, Decimal(1)), (2024, Decimal("0.9"))):
        for month, hdd in enumerate(HDD, start=1):
            start = dt.date(year, month, 1)
            DegreeDays.objects.create(unit=cast.region, period_start=start, hdd=hdd)
            IndicatorValue.objects.create(
                indicator=energy,
                unit=cast.inside,
                period_start=start,
                period_end=start,
                value=(1000 + 2 * hdd) * factor,
            )
    baseline = Baseline.objects.create(
        unit=cast.inside,
        name="Town hall heat",
        energy=energy,
        baseline_start=dt.date(2023, 1, 1),
        baseline_end=dt.date(2024, 1, 1),
        report_start=dt.date(2024, 1, 1),
        report_end=dt.date(2025, 1, 1),
    )
    result = analyse(cast.superuser, baseline)
    model = result["regression"]
    assert (model.base_load, model.slope, model.r2) == (1000, 2, 1)
    assert not result["weak"]
    first = result["rows"][0]
    assert (first["predicted"], first["energy"], first["savings"]) == (1800, 1620, 180)
    expected_total = sum(Decimal("0.1") * (1000 + 2 * h) for h in HDD)
    assert result["total_savings"] == expected_total
    assert result["rows"][-1]["cusum"] == -expected_total
    manager = make_user("environmental_manager", cast.region)
    client.force_login(manager)
    page = client.get(reverse("energy:baseline_detail", args=[baseline.pk]))
    assert page.status_code == 200
    assert "CUSUM" in page.content.decode()
