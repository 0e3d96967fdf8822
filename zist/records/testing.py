import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.records.models import Decision, Record, RecordType


def make_type(unit, months: int = 36) -> RecordType:
    return RecordType.objects.create(unit=unit, name=unique("type"), retention_months=months)


@scenario
class RecordTypeScenario(Scenario):
    model = RecordType

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_type(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "name": unique("training records"), "retention_months": 60}

    @classmethod
    def change(cls, obj) -> dict:
        return {"retention_months": 24}


@scenario
class RecordScenario(Scenario):
    model = Record

    @classmethod
    def make(cls, cast: Cast, unit):
        # Past retention and decided: the only kind of record that may be deleted.
        return Record.objects.create(
            unit=unit,
            record_type=make_type(unit, 12),
            title=unique("record"),
            record_date=dt.date(2015, 1, 1),
            decision=Decision.DESTROY,
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "record_type": make_type(unit).pk,
            "title": unique("attendance list"),
            "record_date": "2025-03-01",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"location": "Archive room 2"}
