import itertools

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.publication.models import Statement, Theme

_years = itertools.count(2001)


@scenario
class StatementScenario(Scenario):
    model = Statement

    @classmethod
    def make(cls, cast: Cast, unit):
        return Statement.objects.create(unit=unit, year=next(_years), title=unique("statement"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "year": next(_years), "title": unique("statement")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"activities": "Street cleaning, green space, waste collection."}

    @classmethod
    def label(cls, obj) -> str:
        return obj.title


@scenario
class ThemeScenario(Scenario):
    model = Theme

    @classmethod
    def make(cls, cast: Cast, unit):
        key = unique("theme")
        return Theme.objects.create(unit=unit, key=key, name=key)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        key = unique("water")
        return {"unit": unit.pk, "key": key, "name": key, "better_percent": "3"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"goal": "100 litres per citizen per day."}
