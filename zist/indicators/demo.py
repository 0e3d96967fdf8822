"""Demo indicators, monitoring settings and entered values (waste, staff, inhabitants)
for Tehran Region 2, Albertslund and Kemi, in each organisation's language.

Idempotent: indicators are found by (unit, code), settings by unit, values by
(indicator, unit, period start); only what is missing is created. The meters and
their readings come from zist/meters/demo.py.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from zist.core import calendars
from zist.demo.platform import ALBERTSLUND, KEMI, TEHRAN
from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings
from zist.organisations.models import Unit

# code, name, (en, fa, da, fi), category, unit, aggregation, source, extra
COMMON = {
    "ELEC": (("Electricity", "برق", "El", "Sähkö"), "energy", "MWh", "sum", "meters", True),
    "HEAT": (("Heat", "گرمایش", "Varme", "Lämpö"), "energy", "MWh", "sum", "meters", True),
    "GAS": (
        ("Natural gas", "گاز طبیعی", "Naturgas", "Maakaasu"),
        "energy",
        "m³",
        "sum",
        "meters",
        True,
    ),
    "FUEL": (
        ("Vehicle fuel", "سوخت خودروها", "Brændstof til køretøjer", "Ajoneuvopolttoaineet"),
        "energy",
        "L",
        "sum",
        "meters",
        False,
    ),
    "WATER": (("Water", "آب", "Vand", "Vesi"), "water", "m³", "sum", "meters", True),
    "CITYWATER": (
        (
            "Water supplied to the area",
            "آب تأمین‌شده برای شهر",
            "Vandforsyning til byen",
            "Kaupungille toimitettu vesi",
        ),
        "water",
        "m³",
        "sum",
        "meters",
        False,
    ),
    "WASTE": (("Waste", "پسماند", "Affald", "Jäte"), "waste", "t", "sum", "entered", True),
    "STAFF": (
        ("Employees", "کارکنان", "Medarbejdere", "Henkilöstö"),
        "reference",
        "person",
        "last",
        "entered",
        False,
    ),
    "INHAB": (
        ("Inhabitants", "جمعیت", "Indbyggere", "Asukkaat"),
        "reference",
        "person",
        "last",
        "entered",
        False,
    ),
    "CO2_S1": (
        (
            "GHG scope 1",
            "گازهای گلخانه‌ای، دامنهٔ ۱",
            "Drivhusgasser, scope 1",
            "Kasvihuonekaasut, scope 1",
        ),
        "emissions",
        "t",
        "sum",
        "scope1",
        True,
    ),
    "CO2_S2": (
        (
            "GHG scope 2 (location-based)",
            "گازهای گلخانه‌ای، دامنهٔ ۲",
            "Drivhusgasser, scope 2 (lokation)",
            "Kasvihuonekaasut, scope 2 (sijainti)",
        ),
        "emissions",
        "t",
        "sum",
        "scope2_location",
        True,
    ),
}
LANG_INDEX = {"en": 0, "fa": 1, "da": 2, "fi": 3}

ORGS = {
    TEHRAN: {
        "root": "region2",
        "codes": ["ELEC", "GAS", "WATER", "WASTE", "STAFF", "INHAB", "CO2_S1", "CO2_S2"],
        "settings": ("AR5", "IR"),
        "units": [f"region2-d{n}" for n in range(1, 10)],
        "inhabitants": (55_000, 95_000),
        "staff": (60, 140),
        "waste_t": (900, 1500),  # municipal waste collected per district per month
    },
    ALBERTSLUND: {
        "root": "root",
        "codes": [
            "ELEC",
            "HEAT",
            "FUEL",
            "WATER",
            "CITYWATER",
            "WASTE",
            "STAFF",
            "INHAB",
            "CO2_S1",
            "CO2_S2",
        ],
        "settings": ("AR6", "DK"),
        "units": [
            "raadhuset",
            "materielgaarden",
            "bibliotek",
            "musikhuset",
            "svommehal",
            "herstedlund-skole",
            "galaxen",
            "albertshoj",
        ],
        "inhabitants": None,
        "staff": (15, 220),
        "waste_t": (1, 9),
    },
    KEMI: {
        "root": "root",
        "codes": ["ELEC", "HEAT", "WATER", "WASTE", "STAFF", "CO2_S1", "CO2_S2"],
        "settings": ("AR6", "FI"),
        "units": [
            "konsernipalvelut",
            "sivistyspalvelut",
            "tekninen",
            "ymparisto",
            "kiinteisto",
            "sote",
        ],
        "inhabitants": None,
        "staff": (40, 600),
        "waste_t": (2, 20),
    },
}
LPD = (
    (
        "Water per citizen per day",
        "مصرف آب به ازای هر شهروند در روز",
        "Vand pr. borger pr. døgn",
        "Vettä asukasta kohti päivässä",
    ),
)
FIRST_YEAR = 2023
# Counted people in each organisation's language (quantities.py knows them all).
PERSON = {"fa": "نفر", "da": "person", "fi": "henkilö"}


def _indicator(root, code, language, created) -> Indicator:
    names, category, unit, aggregation, source, emas = COMMON[code]
    indicator = Indicator.objects.filter(unit=root, code=code).first()
    if indicator:
        return indicator
    created["indicators"] += 1
    return Indicator.objects.create(
        unit=root,
        code=code,
        name=names[LANG_INDEX[language]],
        name_en=names[0],
        name_fa=names[1],
        name_da=names[2],
        name_fi=names[3],
        category=category,
        measure_unit=PERSON.get(language, unit) if unit == "person" else unit,
        aggregation=aggregation,
        source=source,
        emas_core=emas,
        frequency="yearly" if aggregation == "last" else "monthly",
        in_green_accounts=category != "reference",
    )


def month_starts(organisation, until: dt.date) -> list[dt.date]:
    """First days of the organisation's months (Jalali months for Tehran) from 2023."""
    days = []
    if organisation.calendar == calendars.JALALI:
        year, month = 1401, 10
        while True:
            day = calendars.from_jalali(year, month, 1)
            if day >= until:
                return days
            days.append(day)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    day = dt.date(FIRST_YEAR, 1, 1)
    while day < until:
        days.append(day)
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return days


def load() -> dict[str, int]:
    created = {"indicators": 0, "settings": 0, "indicator values": 0}
    today = timezone.localdate()
    for org_name, spec in ORGS.items():
        units = Unit.objects.filter(organisation__name=org_name)
        root = units.filter(code=spec["root"]).select_related("organisation").first()
        if root is None:
            continue
        language = root.organisation.language
        indicators = {code: _indicator(root, code, language, created) for code in spec["codes"]}
        if org_name == ALBERTSLUND:
            # The green accounts' headline: the city's water supply per citizen per day.
            lpd = Indicator.objects.filter(unit=root, code="LPD").first()
            if lpd is None:
                names = LPD[0]
                lpd = Indicator.objects.create(
                    unit=root,
                    code="LPD",
                    name=names[LANG_INDEX[language]],
                    name_en=names[0],
                    name_fa=names[1],
                    name_da=names[2],
                    name_fi=names[3],
                    category="water",
                    measure_unit="L/person/d",
                    source="formula",
                    formula="CITYWATER * 1000 / INHAB / DAYS",
                    direction="lower",
                    target_value=Decimal(100),
                    target_year=2026,
                )
                created["indicators"] += 1
        if not MonitoringSettings.objects.filter(unit=root).exists():
            gwp, region = spec["settings"]
            MonitoringSettings.objects.create(
                unit=root,
                gwp_set=gwp,
                grid_region=region,
                emas_reference=indicators["STAFF"],
                population=indicators.get("INHAB"),
            )
            created["settings"] += 1
        created["indicator values"] += _values(root, spec, indicators, today)
    return created


def _values(root, spec, indicators, today) -> int:
    rng = random.Random(f"values-{root.organisation.name}")
    starts = month_starts(root.organisation, today.replace(day=1))
    years = sorted({root.organisation.reporting_year(day) for day in starts}, key=lambda y: y.label)
    targets = list(Unit.objects.filter(organisation=root.organisation, code__in=spec["units"]))
    existing = set(
        IndicatorValue.objects.filter(indicator__in=indicators.values()).values_list(
            "indicator_id", "unit_id", "period_start"
        )
    )
    new = []

    def add(indicator, unit, start, end, value):
        if (indicator.pk, unit.pk, start) in existing:
            return
        item = IndicatorValue(
            indicator=indicator,
            unit=unit,
            period_start=start,
            period_end=end,
            value=Decimal(value).quantize(Decimal("0.001")),
        )
        item.normalised = item.value
        new.append(item)

    for unit in targets:
        low, high = spec["waste_t"]
        size = rng.uniform(low, high)
        for index, start in enumerate(starts):
            end = starts[index + 1] - dt.timedelta(days=1) if index + 1 < len(starts) else start
            trend = 0.97 ** (index / 12)
            add(indicators["WASTE"], unit, start, end, size * trend * rng.uniform(0.85, 1.15))
        staff = rng.randint(*spec["staff"])
        for year in years:
            add(indicators["STAFF"], unit, year.start, year.end - dt.timedelta(days=1), staff)
            if spec["inhabitants"]:
                people = rng.randint(*spec["inhabitants"])
                add(indicators["INHAB"], unit, year.start, year.end - dt.timedelta(days=1), people)
    if "INHAB" in indicators and not spec["inhabitants"]:
        for year in years:  # the municipality as a whole: ~28 000 citizens in Albertslund
            add(indicators["INHAB"], root, year.start, year.end - dt.timedelta(days=1), 27_900)
    IndicatorValue.objects.bulk_create(new, batch_size=2000)
    return len(new)
