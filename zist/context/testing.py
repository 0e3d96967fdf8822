from zist.context.models import InterestedParty, Issue, Need, ScopeStatement
from zist.core.testing import Cast, Scenario, scenario, unique


@scenario
class IssueScenario(Scenario):
    model = Issue

    @classmethod
    def make(cls, cast: Cast, unit):
        return Issue.objects.create(
            unit=unit, title=unique("issue"), origin="external", category="environmental"
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "title": unique("new-issue"),
            "origin": "internal",
            "category": "economic",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"effect": "both"}


@scenario
class InterestedPartyScenario(Scenario):
    model = InterestedParty

    @classmethod
    def make(cls, cast: Cast, unit):
        return InterestedParty.objects.create(unit=unit, name=unique("party"), origin="external")

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "name": unique("new-party"), "origin": "external"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"description": "Residents near the transfer station"}


@scenario
class NeedScenario(Scenario):
    model = Need

    @classmethod
    def make(cls, cast: Cast, unit):
        party = InterestedPartyScenario.make(cast, unit)
        return Need.objects.create(party=party, description=unique("need"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        party = InterestedPartyScenario.make(cast, unit)
        return {"party": party.pk, "description": unique("new-need")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"becomes_obligation": True}

    @classmethod
    def label(cls, obj) -> str:
        return obj.description


@scenario
class ScopeStatementScenario(Scenario):
    model = ScopeStatement

    @classmethod
    def make(cls, cast: Cast, unit):
        return ScopeStatement.objects.create(
            unit=unit, version=1, boundaries=unique("boundaries"), activities="Urban services"
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "boundaries": unique("new-boundaries"),
            "activities": "Green space",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "current", "public": True}

    @classmethod
    def label(cls, obj) -> str:
        return str(obj.unit)
