from zist.core.testing import Cast, Scenario, scenario, unique
from zist.energy.models import Baseline, DegreeDays
from zist.indicators.testing import make_indicator


@scenario
class DegreeDaysScenario(Scenario):
    model = DegreeDays

    @classmethod
    def make(cls, cast: Cast, unit):
        return DegreeDays.objects.create(unit=unit, period_start="2024-01-01", hdd=400)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "period_start": "2024-02-01", "mean_temperature": "3.5"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"hdd": "410.5"}

    @classmethod
    def label(cls, obj) -> str:
        return str(obj.unit)


@scenario
class BaselineScenario(Scenario):
    model = Baseline

    @classmethod
    def make(cls, cast: Cast, unit):
        return Baseline.objects.create(
            unit=unit,
            name=unique("baseline"),
            energy=make_indicator(unit, measure_unit="kWh", source="meters"),
            baseline_start="2023-01-01",
            baseline_end="2024-01-01",
            report_start="2024-01-01",
            report_end="2025-01-01",
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "name": unique("baseline"),
            "energy": make_indicator(unit, measure_unit="kWh", source="meters").pk,
            "baseline_start": "2023-01-01",
            "baseline_end": "2024-01-01",
            "report_start": "2024-01-01",
            "report_end": "2025-01-01",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"base_temperature": "15.5"}
