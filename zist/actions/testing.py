from zist.actions.models import Action
from zist.core.testing import Cast, Scenario, scenario, unique


@scenario
class ActionScenario(Scenario):
    model = Action

    @classmethod
    def make(cls, cast: Cast, unit):
        return Action.objects.create(unit=unit, title=unique("action"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "title": unique("new-action"), "due_date": "2030-01-31"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "in_progress", "progress": 40}
