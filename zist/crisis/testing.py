"""Permission-matrix scenarios of the crisis registers: each makes its object with the
parents it needs on the given unit."""

import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.crisis import models as m
from zist.crisis.models.sessions import Method


def hazard(unit):
    return m.Hazard.objects.create(
        unit=unit, name=unique("hazard"), category="natural", kind="earthquake"
    )


def session(unit, method=Method.SCORING, hazards=()):
    obj = m.AssessmentSession.objects.create(unit=unit, title=unique("session"), method=method)
    obj.hazards.set(hazards)
    return obj


def participant(unit, method=Method.SCORING, hazards=()):
    return m.Participant.objects.create(
        session=session(unit, method, hazards), name=unique("participant")
    )


def scenario_(unit):
    return m.HazardScenario.objects.create(unit=unit, hazard=hazard(unit), title=unique("scenario"))


def node(parent):
    return m.ConsequenceNode.objects.create(
        scenario=parent, label=unique("node"), kind="effect", likelihood=3, severity=3
    )


def agency(unit):
    return m.Agency.objects.create(unit=unit, name=unique("agency"))


def post(unit):
    return m.Post.objects.create(unit=unit, title=unique("post"))


def function(unit):
    return m.CrisisFunction.objects.create(unit=unit, name=unique("function"))


def process(unit):
    return m.Process.objects.create(unit=unit, name=unique("process"), phase="response")


def step(unit):
    return m.ProcessStep.objects.create(
        process=process(unit), name=unique("step"), target_minutes=30
    )


def drill(unit):
    return m.Drill.objects.create(unit=unit, title=unique("drill"), planned_on=dt.date(2025, 5, 1))


class CrisisScenario(Scenario):
    # The exported column that names the object (its __str__ may join several).
    label_path = ""

    @classmethod
    def label(cls, obj) -> str:
        if not cls.label_path:
            return str(obj)
        value = obj
        for part in cls.label_path.split("__"):
            value = getattr(value, part)
        return str(value)


@scenario
class HazardScenario(CrisisScenario):
    model = m.Hazard

    @classmethod
    def make(cls, cast: Cast, unit):
        return hazard(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "name": unique("h"), "category": "natural", "kind": "flood"}

    @classmethod
    def change(cls, obj):
        return {"area": "north"}


@scenario
class HazardEventScenario(CrisisScenario):
    model = m.HazardEvent

    @classmethod
    def make(cls, cast, unit):
        return m.HazardEvent.objects.create(
            hazard=hazard(unit), title=unique("event"), date=dt.date(2002, 6, 22), severity=4
        )

    @classmethod
    def payload(cls, cast, unit):
        return {
            "hazard": hazard(unit).pk,
            "title": unique("e"),
            "date": "2002-06-22",
            "severity": 3,
        }

    @classmethod
    def change(cls, obj):
        return {"deaths": 2}


@scenario
class RiskMatrixScenario(CrisisScenario):
    model = m.RiskMatrix

    @classmethod
    def make(cls, cast, unit):
        return m.RiskMatrix.objects.create(unit=unit, name=unique("matrix"))

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "name": unique("m")}

    @classmethod
    def change(cls, obj):
        return {"high_from": 9}


@scenario
class AssessmentSessionScenario(CrisisScenario):
    model = m.AssessmentSession

    @classmethod
    def make(cls, cast, unit):
        return session(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {
            "unit": unit.pk,
            "title": unique("s"),
            "method": "ahp",
            "hazards": [hazard(unit).pk, hazard(unit).pk],
        }

    @classmethod
    def change(cls, obj):
        return {"notes": "changed"}


@scenario
class ParticipantScenario(CrisisScenario):
    model = m.Participant

    @classmethod
    def make(cls, cast, unit):
        return participant(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"session": session(unit).pk, "name": unique("p")}

    @classmethod
    def change(cls, obj):
        return {"affiliation": "Fire brigade"}


@scenario
class CriterionScoreScenario(CrisisScenario):
    model = m.CriterionScore
    label_path = "participant"

    @classmethod
    def make(cls, cast, unit):
        h = hazard(unit)
        return m.CriterionScore.objects.create(
            participant=participant(unit, hazards=[h]), hazard=h, criterion="human", value=3
        )

    @classmethod
    def payload(cls, cast, unit):
        h = hazard(unit)
        return {
            "participant": participant(unit, hazards=[h]).pk,
            "hazard": h.pk,
            "criterion": "likelihood",
            "value": 4,
        }

    @classmethod
    def change(cls, obj):
        return {"value": 5}


@scenario
class PairwiseComparisonScenario(CrisisScenario):
    model = m.PairwiseComparison
    label_path = "first"

    @classmethod
    def make(cls, cast, unit):
        a, b = hazard(unit), hazard(unit)
        return m.PairwiseComparison.objects.create(
            session=session(unit, Method.AHP, [a, b]), first=a, second=b, intensity=3
        )

    @classmethod
    def payload(cls, cast, unit):
        a, b = hazard(unit), hazard(unit)
        return {
            "session": session(unit, Method.AHP, [a, b]).pk,
            "first": a.pk,
            "second": b.pk,
            "intensity": 5,
        }

    @classmethod
    def change(cls, obj):
        return {"intensity": 7}


@scenario
class DelphiRoundScenario(CrisisScenario):
    model = m.DelphiRound
    label_path = "session"

    @classmethod
    def make(cls, cast, unit):
        return m.DelphiRound.objects.create(session=session(unit, Method.DELPHI), number=1)

    @classmethod
    def payload(cls, cast, unit):
        return {"session": session(unit, Method.DELPHI).pk, "number": 1}

    @classmethod
    def change(cls, obj):
        return {"notes": "changed"}


@scenario
class DelphiScoreScenario(CrisisScenario):
    model = m.DelphiScore
    label_path = "hazard"

    @classmethod
    def _round(cls, unit):
        h = hazard(unit)
        parent = session(unit, Method.DELPHI, [h])
        return (
            m.DelphiRound.objects.create(session=parent, number=1),
            m.Participant.objects.create(session=parent, name=unique("p")),
            h,
        )

    @classmethod
    def make(cls, cast, unit):
        round_, person, h = cls._round(unit)
        return m.DelphiScore.objects.create(
            round=round_, participant=person, hazard=h, likelihood=3, impact=4
        )

    @classmethod
    def payload(cls, cast, unit):
        round_, person, h = cls._round(unit)
        return {
            "round": round_.pk,
            "participant": person.pk,
            "hazard": h.pk,
            "likelihood": 2,
            "impact": 2,
        }

    @classmethod
    def change(cls, obj):
        return {"impact": 5}


@scenario
class HazardScenarioScenario(CrisisScenario):
    model = m.HazardScenario

    @classmethod
    def make(cls, cast, unit):
        return scenario_(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "hazard": hazard(unit).pk, "title": unique("sc")}

    @classmethod
    def change(cls, obj):
        return {"is_tree": True}


@scenario
class ConsequenceNodeScenario(CrisisScenario):
    model = m.ConsequenceNode

    @classmethod
    def make(cls, cast, unit):
        return node(scenario_(unit))

    @classmethod
    def payload(cls, cast, unit):
        return {
            "scenario": scenario_(unit).pk,
            "label": unique("n"),
            "kind": "hazard",
            "likelihood": 2,
            "severity": 5,
        }

    @classmethod
    def change(cls, obj):
        return {"severity": 4}


@scenario
class ConsequenceLinkScenario(CrisisScenario):
    model = m.ConsequenceLink
    label_path = "source"

    @classmethod
    def make(cls, cast, unit):
        parent = scenario_(unit)
        return m.ConsequenceLink.objects.create(
            scenario=parent, source=node(parent), target=node(parent), note=unique("link")
        )

    @classmethod
    def payload(cls, cast, unit):
        parent = scenario_(unit)
        return {"scenario": parent.pk, "source": node(parent).pk, "target": node(parent).pk}

    @classmethod
    def change(cls, obj):
        return {"note": "gas pipes"}


@scenario
class AgencyScenario(CrisisScenario):
    model = m.Agency

    @classmethod
    def make(cls, cast, unit):
        return agency(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "name": unique("a")}

    @classmethod
    def change(cls, obj):
        return {"contact": "125"}


@scenario
class CapabilityGapScenario(CrisisScenario):
    model = m.CapabilityGap
    label_path = "description"

    @classmethod
    def make(cls, cast, unit):
        return m.CapabilityGap.objects.create(
            scenario=scenario_(unit),
            agency=agency(unit),
            category="hardware",
            kind="vehicles",
            description=unique("gap"),
        )

    @classmethod
    def payload(cls, cast, unit):
        return {
            "scenario": scenario_(unit).pk,
            "agency": agency(unit).pk,
            "category": "software",
            "kind": "skills",
            "description": unique("g"),
            "remedy": "Train rescuers",
        }

    @classmethod
    def change(cls, obj):
        return {"remedy": "Buy two ladder trucks", "remedy_due": "2026-03-01"}


@scenario
class PostScenario(CrisisScenario):
    model = m.Post

    @classmethod
    def make(cls, cast, unit):
        return post(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "title": unique("p"), "experience_years": 5}

    @classmethod
    def change(cls, obj):
        return {"education": 3}


@scenario
class PostHolderScenario(CrisisScenario):
    model = m.PostHolder

    @classmethod
    def make(cls, cast, unit):
        return m.PostHolder.objects.create(post=post(unit), name=unique("holder"))

    @classmethod
    def payload(cls, cast, unit):
        return {"post": post(unit).pk, "name": unique("h")}

    @classmethod
    def change(cls, obj):
        return {"experience_years": 7}


@scenario
class CrisisFunctionScenario(CrisisScenario):
    model = m.CrisisFunction

    @classmethod
    def make(cls, cast, unit):
        return function(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "name": unique("f")}

    @classmethod
    def change(cls, obj):
        return {"name": unique("renamed")}


@scenario
class FunctionAssignmentScenario(CrisisScenario):
    model = m.FunctionAssignment
    label_path = "function"

    @classmethod
    def make(cls, cast, unit):
        return m.FunctionAssignment.objects.create(
            function=function(unit), agency=agency(unit), responsibility="lead"
        )

    @classmethod
    def payload(cls, cast, unit):
        return {
            "function": function(unit).pk,
            "agency": agency(unit).pk,
            "responsibility": "support",
        }

    @classmethod
    def change(cls, obj):
        return {"responsibility": "support"}


@scenario
class ProcessScenario(CrisisScenario):
    model = m.Process

    @classmethod
    def make(cls, cast, unit):
        return process(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "name": unique("pr"), "phase": "recovery"}

    @classmethod
    def change(cls, obj):
        return {"speed": 4}


@scenario
class ProcessStepScenario(CrisisScenario):
    model = m.ProcessStep
    label_path = "name"

    @classmethod
    def make(cls, cast, unit):
        return step(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"process": process(unit).pk, "name": unique("st"), "target_minutes": 15}

    @classmethod
    def change(cls, obj):
        return {"target_minutes": 20}


@scenario
class DrillScenario(CrisisScenario):
    model = m.Drill

    @classmethod
    def make(cls, cast, unit):
        return drill(unit)

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "title": unique("d"), "planned_on": "2026-04-01"}

    @classmethod
    def change(cls, obj):
        return {"status": "held", "held_on": "2026-04-02", "speed": 3}


@scenario
class DrillTimingScenario(CrisisScenario):
    model = m.DrillTiming
    label_path = "drill"

    @classmethod
    def make(cls, cast, unit):
        return m.DrillTiming.objects.create(drill=drill(unit), step=step(unit), measured_minutes=42)

    @classmethod
    def payload(cls, cast, unit):
        return {"drill": drill(unit).pk, "step": step(unit).pk, "measured_minutes": "35.5"}

    @classmethod
    def change(cls, obj):
        return {"measured_minutes": "28.0"}


@scenario
class DrillFindingScenario(CrisisScenario):
    model = m.DrillFinding

    @classmethod
    def make(cls, cast, unit):
        return m.DrillFinding.objects.create(drill=drill(unit), description=unique("finding"))

    @classmethod
    def payload(cls, cast, unit):
        return {"drill": drill(unit).pk, "description": unique("f"), "remedy": "Fix the radios"}

    @classmethod
    def change(cls, obj):
        return {"remedy": "Spare batteries"}


@scenario
class PublicTrainingNeedScenario(CrisisScenario):
    model = m.PublicTrainingNeed

    @classmethod
    def make(cls, cast, unit):
        return m.PublicTrainingNeed.objects.create(
            hazard=hazard(unit), topic=unique("topic"), audience="schools"
        )

    @classmethod
    def payload(cls, cast, unit):
        return {"hazard": hazard(unit).pk, "topic": unique("t"), "audience": "families"}

    @classmethod
    def change(cls, obj):
        return {"priority": 1}


@scenario
class MasterPlanScenario(CrisisScenario):
    model = m.MasterPlan
    label_path = "title"

    @classmethod
    def make(cls, cast, unit):
        return m.MasterPlan.objects.create(unit=unit, title=unique("plan"), version=unique("v"))

    @classmethod
    def payload(cls, cast, unit):
        return {"unit": unit.pk, "title": unique("plan"), "version": "2.0"}

    @classmethod
    def change(cls, obj):
        return {"population": 402748}
