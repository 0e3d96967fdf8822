import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.suppliers.models import Evaluation, Supplier


def make_supplier(unit, **fields) -> Supplier:
    return Supplier.objects.create(unit=unit, **{"name": unique("supplier"), **fields})


@scenario
class SupplierScenario(Scenario):
    model = Supplier

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_supplier(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "name": unique("Pak contractor"), "kind": "contractor"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"environmental_requirements": "Waste taken to licensed sites only."}


@scenario
class EvaluationScenario(Scenario):
    model = Evaluation

    @classmethod
    def make(cls, cast: Cast, unit):
        return Evaluation.objects.create(
            supplier=make_supplier(unit), date=dt.date(2025, 1, 15), score=75
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"supplier": make_supplier(unit).pk, "date": "2025-06-01", "score": 64}

    @classmethod
    def change(cls, obj) -> dict:
        return {"findings": "Oil drums without bunding."}

    @classmethod
    def label(cls, obj) -> str:
        return obj.supplier.name
