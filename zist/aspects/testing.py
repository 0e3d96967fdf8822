from decimal import Decimal

from zist.aspects.models import Activity, Aspect, CriteriaSet, Criterion, Impact, OverrideRule
from zist.core.testing import Cast, Scenario, scenario, unique


def make_criteria_set(unit, threshold=27, method="product") -> CriteriaSet:
    """Severity, probability and extent on 1–5, product, threshold 27 (the worked
    example of the issue), with the "applicable legal obligation" override rule."""
    criteria_set = CriteriaSet.objects.create(
        unit=unit, name=unique("criteria"), method=method, threshold=Decimal(threshold)
    )
    for order, code in enumerate(("severity", "probability", "extent")):
        Criterion.objects.create(
            criteria_set=criteria_set, code=code, name=code.title(), order=order
        )
    OverrideRule.objects.create(criteria_set=criteria_set, kind="legal_obligation")
    return criteria_set


@scenario
class CriteriaSetScenario(Scenario):
    model = CriteriaSet

    @classmethod
    def make(cls, cast: Cast, unit):
        return CriteriaSet.objects.create(unit=unit, name=unique("criteria"), threshold=27)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "name": unique("new-criteria"),
            "method": "weighted_sum",
            "threshold": "12",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"threshold": "30"}


@scenario
class CriterionScenario(Scenario):
    model = Criterion

    @classmethod
    def make(cls, cast: Cast, unit):
        criteria_set = CriteriaSetScenario.make(cast, unit)
        return Criterion.objects.create(
            criteria_set=criteria_set, code="severity", name=unique("criterion")
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        criteria_set = CriteriaSetScenario.make(cast, unit)
        return {"criteria_set": criteria_set.pk, "code": "extent", "name": unique("new-crit")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"weight": "2"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.name


@scenario
class OverrideRuleScenario(Scenario):
    model = OverrideRule

    @classmethod
    def make(cls, cast: Cast, unit):
        criteria_set = CriteriaSetScenario.make(cast, unit)
        return OverrideRule.objects.create(criteria_set=criteria_set, kind="legal_obligation")

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        criteria_set = CriteriaSetScenario.make(cast, unit)
        return {"criteria_set": criteria_set.pk, "kind": "legal_obligation"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"condition": "emergency"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.criteria_set.name


@scenario
class ActivityScenario(Scenario):
    model = Activity

    @classmethod
    def make(cls, cast: Cast, unit):
        return Activity.objects.create(unit=unit, code=unique("act"), name=unique("activity"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "code": unique("new-act"), "name": unique("new-activity")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"description": "Street sweeping with electric sweepers"}


@scenario
class AspectScenario(Scenario):
    model = Aspect

    @classmethod
    def make(cls, cast: Cast, unit):
        criteria_set = make_criteria_set(unit)
        activity = ActivityScenario.make(cast, unit)
        return Aspect.objects.create(
            activity=activity,
            name=unique("aspect"),
            criteria_set=criteria_set,
            scores={"severity": 3, "probability": 3, "extent": 3},
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        make_criteria_set(unit)
        activity = ActivityScenario.make(cast, unit)
        return {
            "activity": activity.pk,
            "name": unique("new-aspect"),
            "scores": {"severity": 4, "probability": 3, "extent": 2},
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"scores": {"severity": 5, "probability": 3, "extent": 2}}


@scenario
class ImpactScenario(Scenario):
    model = Impact

    @classmethod
    def make(cls, cast: Cast, unit):
        aspect = AspectScenario.make(cast, unit)
        return Impact.objects.create(aspect=aspect, category="air", description=unique("impact"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        aspect = AspectScenario.make(cast, unit)
        return {
            "aspect": aspect.pk,
            "category": "soil",
            "description": unique("new-impact"),
            "effect": "beneficial",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"effect": "beneficial"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.description
