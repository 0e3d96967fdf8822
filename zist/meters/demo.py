"""Demo meters and readings (three years and more of monthly readings, realistic in
magnitude and season, and a smart meter with hourly data), weather, emission factors,
an instrument and an energy baseline, for Tehran Region 2, Albertslund and Kemi.

Runs after zist/indicators/demo.py (apps load in alphabetical order). Idempotent:
meters are found by (unit, code) and only meters without readings get readings, so a
second run creates nothing. Readings go through the real import (consumption, gaps).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import zoneinfo
from decimal import Decimal

from django.utils import timezone

from zist.demo.platform import ALBERTSLUND, KEMI, TEHRAN
from zist.emissions.models import EmissionFactor, Instrument
from zist.energy.models import Baseline, DegreeDays
from zist.indicators.demo import month_starts
from zist.indicators.models import Indicator
from zist.meters import imports
from zist.meters.models import Meter, Reading
from zist.organisations.models import Unit

# Stored text of each organisation, so in its own language.
DEMO_SOURCE = {
    "fa": "مقدار نمایشی برای نمونه: ضریب رسمی ملی را وارد کنید",
    "da": "Demoværdi til illustration: indtast den officielle nationale faktor",
    "fi": "Esittelyarvo havainnollistukseksi: syötä virallinen kansallinen kerroin",
    "en": "Demo value for illustration only: enter the official national factor",
}
# Daily mean temperature (°C): yearly mean and half the summer–winter swing.
CLIMATE = {TEHRAN: (17.0, 13.0), ALBERTSLUND: (9.0, 8.0), KEMI: (3.0, 13.5)}
FACTORS = {
    TEHRAN: [("electricity", "0.55", "kg/kWh", "IR")],
    ALBERTSLUND: [("electricity", "0.12", "kg/kWh", "DK"), ("district_heat", "60", "kg/MWh", "DK")],
    KEMI: [("electricity", "0.07", "kg/kWh", "FI"), ("district_heat", "150", "kg/MWh", "FI")],
}
NAMES = {
    "fa": {"ELEC": "کنتور برق", "GAS": "کنتور گاز", "WATER": "کنتور آب"},
    "da": {
        "ELEC": "Elmåler",
        "HEAT": "Fjernvarmemåler",
        "WATER": "Vandmåler",
        "FUEL": "Dieselforbrug, køretøjer",
        "CITY": "Vandforsyning til byen",
        "HOURLY": "Elmåler, timeværdier (undermåler)",
    },
    "fi": {"ELEC": "Sähkömittari", "HEAT": "Kaukolämpömittari", "WATER": "Vesimittari"},
}


def temperature(day: dt.date, organisation_name: str, rng: random.Random) -> float:
    mean, swing = CLIMATE[organisation_name]
    angle = 2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25
    return mean - swing * math.cos(angle) + rng.gauss(0, 2.5)


def winter(day: dt.date) -> float:
    """1 in mid-January, 0 in mid-July."""
    return (1 + math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25)) / 2


def load() -> dict[str, int]:
    created = {
        "meters": 0,
        "readings": 0,
        "emission factors": 0,
        "degree days": 0,
        "instruments": 0,
        "baselines": 0,
    }
    today = timezone.localdate()
    for org_name in (TEHRAN, ALBERTSLUND, KEMI):
        root = (
            Unit.objects.filter(organisation__name=org_name, depth=1)
            .select_related("organisation")
            .first()
        )
        if root is None:
            continue
        created["emission factors"] += _factors(root, org_name)
        temperatures = _weather(root, org_name, today, created)
        _meters_and_readings(root, org_name, today, temperatures, created)
    _instrument_and_baseline(created)
    return created


def _factors(root, org_name) -> int:
    made = 0
    for carrier, value, unit, region in FACTORS[org_name]:
        _factor, new = EmissionFactor.objects.get_or_create(
            unit=root,
            carrier=carrier,
            gas="co2e",
            region=region,
            valid_from=2023,
            defaults={
                "value": Decimal(value),
                "factor_unit": unit,
                "source": DEMO_SOURCE[root.organisation.language],
            },
        )
        made += new
    return made


def _weather(root, org_name, today, created) -> dict[dt.date, float]:
    """Daily mean temperatures from 2023 (stored as degree-day rows for the heated
    northern sites; Tehran's are only used to shape the demand)."""
    rng = random.Random(f"weather-{org_name}")
    day, temperatures = dt.date(2023, 1, 1), {}
    while day < today:
        temperatures[day] = round(temperature(day, org_name, rng), 1)
        day += dt.timedelta(days=1)
    if org_name != TEHRAN and not DegreeDays.objects.filter(unit=root).exists():
        rows = [
            DegreeDays(unit=root, period_start=day, mean_temperature=Decimal(str(t)))
            for day, t in temperatures.items()
        ]
        DegreeDays.objects.bulk_create(rows, batch_size=2000)
        created["degree days"] += len(rows)
    return temperatures


def _meters_and_readings(root, org_name, today, temperatures, created):
    organisation = root.organisation
    rng = random.Random(f"meters-{org_name}")
    # Indicators of the organisation (Tehran defines them on Region 2).
    indicators = {i.code: i for i in Indicator.objects.filter(unit__organisation=organisation)}
    names = NAMES[organisation.language]
    starts = month_starts(organisation, today.replace(day=1)) + [today.replace(day=1)]
    specs = []
    if org_name == TEHRAN:
        for n in range(1, 10):
            unit = Unit.objects.get(organisation=organisation, code=f"region2-d{n}")
            size = rng.uniform(0.7, 1.4)
            specs += [
                (
                    unit,
                    f"D{n}-E",
                    "ELEC",
                    "electricity",
                    "kWh",
                    lambda d, h, s=size: s * 42_000 * (0.8 + 0.55 * (1 - winter(d))),
                ),
                (
                    unit,
                    f"D{n}-G",
                    "GAS",
                    "natural_gas",
                    "m³",
                    lambda d, h, s=size: s * (1_200 + 28 * h),
                ),
                (
                    unit,
                    f"D{n}-W",
                    "WATER",
                    "water",
                    "m³",
                    lambda d, h, s=size: s * (900 + 2_600 * (1 - winter(d))),
                ),
            ]
    else:
        codes = (
            [
                "raadhuset",
                "materielgaarden",
                "bibliotek",
                "musikhuset",
                "svommehal",
                "herstedlund-skole",
                "galaxen",
                "albertshoj",
            ]
            if org_name == ALBERTSLUND
            else [
                "konsernipalvelut",
                "sivistyspalvelut",
                "tekninen",
                "ymparisto",
                "kiinteisto",
                "sote",
            ]
        )
        for code in codes:
            unit = Unit.objects.get(organisation=organisation, code=code)
            size = rng.uniform(0.4, 2.2) * (3 if code in ("svommehal", "sote") else 1)
            prefix = code[:3].upper()
            specs += [
                (
                    unit,
                    f"{prefix}-EL",
                    "ELEC",
                    "electricity",
                    "kWh",
                    lambda d, h, s=size: s * 11_000 * (0.9 + 0.25 * winter(d)),
                ),
                (
                    unit,
                    f"{prefix}-FV",
                    "HEAT",
                    "district_heat",
                    "MWh",
                    lambda d, h, s=size: s * (3.0 + 0.11 * h),
                ),
                (
                    unit,
                    f"{prefix}-VA",
                    "WATER",
                    "water",
                    "m³",
                    lambda d, h, s=size, pool=code == "svommehal": s * (160 + (900 if pool else 0)),
                ),
            ]
        if org_name == ALBERTSLUND:
            fleet = Unit.objects.get(organisation=organisation, code="materielgaarden")
            specs.append(
                (
                    fleet,
                    "MAT-DIESEL",
                    "FUEL",
                    "diesel",
                    "L",
                    lambda d, h: 3_400 * (1 + 0.2 * winter(d)),
                )
            )
            specs.append(
                (
                    root,
                    "BY-VAND",
                    # The water the city supplies to the whole area, not the
                    # municipality's own use: its own indicator, so the own
                    # operations' water total is the sum of the buildings.
                    "CITYWATER",
                    "water",
                    "m³",
                    lambda d, h: 27_900 * 0.104 * 30.4 * (0.95 + 0.1 * (1 - winter(d))),
                )
            )
    lines = ["meter,timestamp,value,quality"]
    for unit, code, indicator_code, carrier, measure, demand in specs:
        kind = "interval" if carrier == "diesel" else "cumulative"
        meter, new = Meter.objects.get_or_create(
            unit=unit,
            code=code,
            defaults={
                "name": names.get("CITY" if code == "BY-VAND" else indicator_code, code),
                "carrier": carrier,
                "kind": kind,
                "measure_unit": measure,
                "indicator": indicators.get(indicator_code),
                "interval": "monthly",
                "rollover": 1_000_000 if code == "BY-VAND" else None,
            },
        )
        created["meters"] += new
        if Reading.objects.filter(meter=meter).exists():
            continue
        register = rng.uniform(10_000, 90_000) if kind == "cumulative" else 0
        if code == "BY-VAND":
            register = 820_000.0  # rolls over at 1 000 000 during the demo period
        for index, start in enumerate(starts[:-1]):
            end = starts[index + 1]
            hdd = sum(
                max(0.0, 18 - temperatures.get(start + dt.timedelta(days=k), 10))
                for k in range((end - start).days)
            )
            usage = demand(start, hdd) * (0.97 ** (index / 12)) * rng.uniform(0.95, 1.05)
            if kind == "interval":
                lines.append(f"{code},{start.isoformat()} 00:00,{usage:.1f},measured")
                continue
            if index == 0:
                lines.append(f"{code},{start.isoformat()} 00:00,{register:.1f},measured")
            register += usage
            if meter.rollover and register >= meter.rollover:
                register -= meter.rollover
            quality = "estimated" if rng.random() < 0.04 else "measured"
            lines.append(f"{code},{end.isoformat()} 00:00,{register:.1f},{quality}")
    if org_name == ALBERTSLUND:
        lines += _hourly(root, today, names, created)
    if len(lines) > 1:
        report = imports.import_readings(
            "\n".join(lines).encode(), f"demo-{root.organisation.pk}.csv", root
        )
        if not report.ok:
            raise RuntimeError(report.errors[:5])
        created["readings"] += report.created


def _hourly(root, today, names, created) -> list[str]:
    """Sixty days of hourly smart-meter data of the town hall (a sub-meter, so it
    feeds no indicator and is not counted twice)."""
    unit = Unit.objects.get(organisation=root.organisation, code="raadhuset")
    meter, new = Meter.objects.get_or_create(
        unit=unit,
        code="RAA-EL-TIME",
        defaults={
            "name": names["HOURLY"],
            "carrier": "electricity",
            "kind": "interval",
            "measure_unit": "kWh",
            "interval": "hourly",
        },
    )
    created["meters"] += new
    if Reading.objects.filter(meter=meter).exists():
        return []
    rng = random.Random("hourly")
    zone = zoneinfo.ZoneInfo(root.organisation.time_zone)
    moment = dt.datetime.combine(today - dt.timedelta(days=60), dt.time(), zone)
    lines = []
    while moment.date() < today:
        office = moment.weekday() < 5 and 7 <= moment.hour < 17
        kwh = (38 if office else 9) * rng.uniform(0.85, 1.15)
        lines.append(f"RAA-EL-TIME,{moment.strftime('%Y-%m-%d %H:%M')},{kwh:.2f},measured")
        moment += dt.timedelta(hours=1)
    return lines


def _instrument_and_baseline(created):
    hall = Unit.objects.filter(organisation__name=ALBERTSLUND, code="raadhuset").first()
    if hall is None:
        return
    _instrument, new = Instrument.objects.get_or_create(
        unit=hall,
        year=2025,
        kind="guarantee_of_origin",
        defaults={
            "quantity": Decimal(150),
            "quantity_unit": "MWh",
            "factor": Decimal(0),
            "reference": "Oprindelsesgarantier, vindkraft (demo)",
        },
    )
    created["instruments"] += new
    heat = Indicator.objects.filter(unit__organisation__name=ALBERTSLUND, code="HEAT").first()
    if heat and not Baseline.objects.filter(unit=hall).exists():
        Baseline.objects.create(
            unit=hall,
            name="Rådhuset, fjernvarme mod graddage",
            energy=heat,
            baseline_start=dt.date(2023, 1, 1),
            baseline_end=dt.date(2024, 1, 1),
            report_start=dt.date(2024, 1, 1),
            report_end=dt.date(2026, 1, 1),
        )
        created["baselines"] += 1
