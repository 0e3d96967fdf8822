import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.improvement.models import Finding, Idea, Review, Step


def make_review(unit, **fields) -> Review:
    return Review.objects.create(
        unit=unit, title=unique("review"), held_on=dt.date(2030, 5, 1), **fields
    )


@scenario
class IdeaScenario(Scenario):
    model = Idea

    @classmethod
    def make(cls, cast: Cast, unit):
        return Idea.objects.create(unit=unit, title=unique("idea"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "title": unique("new-idea"), "source": "staff"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "review"}


@scenario
class ReviewScenario(Scenario):
    model = Review

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_review(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "title": unique("new-review"), "held_on": "2030-06-01"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"team": "Kitchen staff and the facilities manager"}


@scenario
class StepScenario(Scenario):
    model = Step

    @classmethod
    def make(cls, cast: Cast, unit):
        return Step.objects.create(review=make_review(unit), order=1, name=unique("step"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"review": make_review(unit).pk, "order": 1, "name": unique("new-step")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"waiting_minutes": "45"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.name


@scenario
class FindingScenario(Scenario):
    model = Finding

    @classmethod
    def make(cls, cast: Cast, unit):
        return Finding.objects.create(
            review=make_review(unit), title=unique("finding"), waste="energy", lane="energy"
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "review": make_review(unit).pk,
            "title": unique("new-finding"),
            "waste": "waiting",
            "lane": "food",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"saving_kwh": "1200"}
