import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings


def make_indicator(unit, **fields) -> Indicator:
    fields = {"code": unique("W").replace("-", "_"), "measure_unit": "m³", **fields}
    fields.setdefault("name", fields["code"])
    return Indicator.objects.create(unit=unit, **fields)


@scenario
class IndicatorScenario(Scenario):
    model = Indicator

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_indicator(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        code = unique("E").replace("-", "_")
        return {"unit": unit.pk, "code": code, "name": code, "measure_unit": "kWh"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"measure_unit": "MWh"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.code


@scenario
class IndicatorValueScenario(Scenario):
    model = IndicatorValue

    @classmethod
    def make(cls, cast: Cast, unit):
        return IndicatorValue.objects.create(
            indicator=make_indicator(unit),
            unit=unit,
            period_start=dt.date(2024, 1, 1),
            period_end=dt.date(2024, 1, 31),
            value=12,
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "indicator": make_indicator(unit).pk,
            "unit": unit.pk,
            "period_start": "2024-02-01",
            "period_end": "2024-02-29",
            "value": "3.5",
            "value_unit": "L",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"value": "14"}

    @classmethod
    def label(cls, obj) -> str:
        return str(obj.indicator)


@scenario
class MonitoringSettingsScenario(Scenario):
    model = MonitoringSettings

    @classmethod
    def make(cls, cast: Cast, unit):
        return MonitoringSettings.objects.create(unit=unit, grid_region=unique("IR"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        from zist.organisations import services

        child = services.create_unit(unit, name=unique("site"), code=unique("s"), kind="site")
        return {"unit": child.pk, "grid_region": "IR", "gwp_set": "AR5"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"gwp_set": "AR4"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.grid_region
