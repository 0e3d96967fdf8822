import datetime as dt

from django.utils import timezone

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.meters.models import ImportSource, Meter, Reading


def make_meter(unit, **fields) -> Meter:
    fields = {"code": unique("M"), "carrier": "electricity", "measure_unit": "kWh", **fields}
    return Meter.objects.create(unit=unit, **fields)


@scenario
class MeterScenario(Scenario):
    model = Meter

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_meter(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "code": unique("M"), "carrier": "water", "measure_unit": "m³"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"name": "Main meter"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.code


@scenario
class ReadingScenario(Scenario):
    model = Reading

    @classmethod
    def make(cls, cast: Cast, unit):
        return Reading.objects.create(
            meter=make_meter(unit),
            timestamp=timezone.make_aware(dt.datetime(2024, 5, 1)),
            value=100,
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"meter": make_meter(unit).pk, "timestamp": "2024-06-01T00:00:00Z", "value": 7}

    @classmethod
    def change(cls, obj) -> dict:
        return {"value": 150, "quality": "corrected"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.meter.code


@scenario
class ImportSourceScenario(Scenario):
    model = ImportSource

    @classmethod
    def make(cls, cast: Cast, unit):
        return ImportSource.objects.create(unit=unit, name=unique("feed"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "name": unique("feed"), "value_column": "kWh"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"decimal_comma": True}
