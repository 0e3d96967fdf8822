from decimal import Decimal

from zist.awards.models import Application, Criterion, Round, Scheme, Score
from zist.core.testing import Cast, Scenario, scenario, unique


def scheme_on(unit) -> Scheme:
    return Scheme.objects.create(
        unit=unit, code=unique("s"), name=unique("scheme"), levels=[{"min": 550, "name": "Bronze"}]
    )


def criterion_on(unit) -> Criterion:
    return Criterion.objects.create(
        scheme=scheme_on(unit), code="E1", name=unique("criterion"), kind="enabler", points=100
    )


def round_on(unit) -> Round:
    return Round.objects.create(unit=unit, scheme=scheme_on(unit), name=unique("round"))


def application_on(round_unit, unit) -> Application:
    return Application.objects.create(round=round_on(round_unit), unit=unit)


@scenario
class SchemeScenario(Scenario):
    model = Scheme

    @classmethod
    def make(cls, cast: Cast, unit):
        return scheme_on(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "code": unique("n"), "name": unique("new-scheme"), "levels": []}

    @classmethod
    def change(cls, obj) -> dict:
        return {"description": "Our own words."}


@scenario
class CriterionScenario(Scenario):
    model = Criterion

    @classmethod
    def make(cls, cast: Cast, unit):
        return criterion_on(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "scheme": scheme_on(unit).pk,
            "code": "R1",
            "name": "Results",
            "kind": "result",
            "points": "100",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"points": "150"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.name


@scenario
class RoundScenario(Scenario):
    model = Round

    @classmethod
    def make(cls, cast: Cast, unit):
        return round_on(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "scheme": scheme_on(unit).pk, "name": unique("new-round")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "assessing"}


@scenario
class ApplicationScenario(Scenario):
    """Applications to a round of another body (the foreign organisation)."""

    model = Application

    @classmethod
    def make(cls, cast: Cast, unit):
        return application_on(cast.foreign, unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        round_ = round_on(cast.foreign)
        # The applicant sees the round once it has applied to any: give it one.
        return {"round": round_.pk, "unit": unit.pk, "category": "energy-intensive"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"evidence": "Energy audits 1402 and 1403."}

    @classmethod
    def label(cls, obj) -> str:
        return obj.round.name


@scenario
class ScoreScenario(Scenario):
    """Scores hang on the awarding body's round: `unit` is the body here."""

    model = Score

    @classmethod
    def make(cls, cast: Cast, unit):
        application = application_on(unit, cast.foreign)
        criterion = Criterion.objects.create(
            scheme=application.round.scheme,
            code="E1",
            name="Leadership",
            kind="enabler",
            points=100,
        )
        # At the consensus step, where what a role may reach is the role table's alone:
        # before it an assessor sees only their own scores (tests/test_independence.py).
        application.round.status = "consensus"
        application.round.save()
        return Score.objects.create(
            application=application,
            criterion=criterion,
            assessor=cast.superuser,
            percent=Decimal(60),
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        application = application_on(unit, cast.foreign)
        criterion = Criterion.objects.create(
            scheme=application.round.scheme, code="E2", name="Strategy", kind="enabler", points=100
        )
        return {"application": application.pk, "criterion": criterion.pk, "percent": "70"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"percent": "75"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.application.round.name
