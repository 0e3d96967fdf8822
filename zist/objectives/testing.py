import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.objectives.models import Objective, Programme


@scenario
class ObjectiveScenario(Scenario):
    model = Objective

    @classmethod
    def make(cls, cast: Cast, unit):
        return Objective.objects.create(
            unit=unit,
            code=unique("obj"),
            statement=unique("objective"),
            deadline=dt.date(2030, 12, 31),
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "code": unique("new-obj"),
            "statement": unique("new-objective"),
            "deadline": "2030-12-31",
            "baseline_value": "1000",
            "target_value": "800",
            "measure_unit": "MWh",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"current_value": None, "scope": "local"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.statement


@scenario
class ProgrammeScenario(Scenario):
    model = Programme

    @classmethod
    def make(cls, cast: Cast, unit):
        programme = Programme.objects.create(unit=unit, name=unique("programme"))
        programme.objectives.add(ObjectiveScenario.make(cast, unit))
        return programme

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        objective = ObjectiveScenario.make(cast, unit)
        return {
            "unit": unit.pk,
            "name": unique("new-programme"),
            "objectives": [objective.pk],
            "budget": "1000000",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"spent": "250000", "status": "active"}
