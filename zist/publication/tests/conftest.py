import datetime as dt
from decimal import Decimal

import pytest
from django.core.cache import cache

from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings
from zist.organisations import services as org_services
from zist.organisations.models import Unit
from zist.publication.models import Statement, Theme


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The portal's cache (local memory) would carry pages from one test to the next.
    cache.clear()
    yield
    cache.clear()


class World:
    """Albertslund with two workplaces, water entered per workplace and for the city
    supply at the root, staff as the EMAS reference B, for 2023–2025."""

    WATER = {  # workplace code → m³ per year 2023, 2024, 2025
        "bib": (1000, 900, 800),
        "school": (3000, 3000, 2900),
    }
    CITY = (900_000, 880_000, 860_000)
    STAFF = {"bib": 20, "school": 60}

    def __init__(self, cast):
        self.cast = cast
        self.org = cast.albertslund
        self.root = Unit.objects.get(organisation=self.org, depth=1)
        self.bib = cast.foreign
        self.school = org_services.create_unit(
            self.root, name="Herstedlund Skole", code="school", kind="workplace"
        )
        self.water = Indicator.objects.create(
            unit=self.root,
            code="WATER",
            name="Vand",
            name_fa="آب",
            category="water",
            measure_unit="m³",
            emas_core=True,
            aggregation="sum",
            source="entered",
        )
        self.city = Indicator.objects.create(
            unit=self.root,
            code="CITYWATER",
            name="Vandforsyning til byen",
            category="water",
            measure_unit="m³",
            source="entered",
        )
        self.staff = Indicator.objects.create(
            unit=self.root,
            code="STAFF",
            name="Medarbejdere",
            category="reference",
            measure_unit="person",
            aggregation="last",
            source="entered",
            in_green_accounts=False,
        )
        MonitoringSettings.objects.create(
            unit=self.root, grid_region="DK", emas_reference=self.staff
        )
        self.values = {}
        for unit in (self.bib, self.school):
            for index, year in enumerate((2023, 2024, 2025)):
                self.values[(unit.code, year)] = IndicatorValue.objects.create(
                    indicator=self.water,
                    unit=unit,
                    period_start=dt.date(year, 6, 1),
                    period_end=dt.date(year, 6, 30),
                    value=Decimal(self.WATER[unit.code][index]),
                )
                IndicatorValue.objects.create(
                    indicator=self.staff,
                    unit=unit,
                    period_start=dt.date(year, 1, 1),
                    period_end=dt.date(year, 12, 31),
                    value=self.STAFF[unit.code],
                )
        for index, year in enumerate((2023, 2024, 2025)):
            IndicatorValue.objects.create(
                indicator=self.city,
                unit=self.root,
                period_start=dt.date(year, 1, 1),
                period_end=dt.date(year, 12, 31),
                value=self.CITY[index],
            )
        self.theme = Theme.objects.create(
            unit=self.root,
            key="water",
            name="Vand",
            name_fa="آب",
            headline=self.water,
            better_percent=Decimal(2),
            worse_percent=Decimal(2),
            goal="Mindre vand.",
            includes="Kommunens egne bygninger.",
        )
        self.theme.indicators.set([self.city])
        Theme.objects.create(
            unit=self.root, key="communication", name="Formidling", manual_status="better"
        )
        self.statement = Statement.objects.create(
            unit=self.root,
            year=2025,
            title="Miljøredegørelse 2025",
            activities="Kommunens drift.",
            omissions="material: no material flows are recorded",
            verifier_name="Verifier A/S",
            verifier_accreditation="DANAK 6002",
            compliance_statement="Kommunen overholder lovgivningen.",
        )


@pytest.fixture
def world(cast):
    return World(cast)
