from zist.core.testing import Cast, Scenario, scenario, unique
from zist.nonconformities.models import Nonconformity


@scenario
class NonconformityScenario(Scenario):
    model = Nonconformity

    @classmethod
    def make(cls, cast: Cast, unit):
        return Nonconformity.objects.create(unit=unit, title=unique("nc"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "title": unique("new-nc"), "grade": "minor"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "correction", "correction": "Spill kit used, drain sealed."}
