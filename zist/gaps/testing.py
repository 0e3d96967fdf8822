from zist.actions.models import Action
from zist.clauses.models import Clause, Library
from zist.core.testing import Cast, Scenario, scenario, unique
from zist.gaps.models import Answer, Assessment, EvidenceLink, Pack


def _library(unit):
    library = Library.objects.create(unit=unit, code=unique("lib"), name=unique("library"))
    Clause.objects.create(library=library, number="1", title=unique("policy"), urn=unique("urn:x:"))
    return library


def _assessment(unit):
    return Assessment.objects.create(
        unit=unit, library=_library(unit), title=unique("assessment"), assessed_on="2026-05-01"
    )


@scenario
class AssessmentScenario(Scenario):
    model = Assessment

    @classmethod
    def make(cls, cast: Cast, unit):
        return _assessment(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "library": _library(unit).pk,
            "title": unique("new-assessment"),
            "assessed_on": "2026-06-01",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"notes": "Reviewed with the team."}


@scenario
class AnswerScenario(Scenario):
    model = Answer

    @classmethod
    def make(cls, cast: Cast, unit):
        assessment = _assessment(unit)
        return Answer.objects.create(
            assessment=assessment, requirement=assessment.library.clauses.get()
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        assessment = _assessment(unit)
        extra = Clause.objects.create(
            library=assessment.library, number="2", title=unique("aspects"), urn=unique("urn:x:")
        )
        return {"assessment": assessment.pk, "requirement": extra.pk, "status": "gap"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "conforms", "notes": "Seen the register."}


@scenario
class EvidenceLinkScenario(Scenario):
    model = EvidenceLink

    @classmethod
    def make(cls, cast: Cast, unit):
        answer = AnswerScenario.make(cast, unit)
        action = Action.objects.create(unit=unit, title=unique("evidence"))
        return EvidenceLink.objects.create(answer=answer, target=action)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        from django.contrib.contenttypes.models import ContentType

        answer = AnswerScenario.make(cast, unit)
        action = Action.objects.create(unit=unit, title=unique("evidence"))
        return {
            "answer": answer.pk,
            "target_type": ContentType.objects.get_for_model(Action).pk,
            "target_id": action.pk,
        }

    @classmethod
    def change(cls, obj) -> dict:
        action = Action.objects.create(unit=obj.answer.assessment.unit, title=unique("other"))
        return {"target_id": action.pk}

    @classmethod
    def label(cls, obj) -> str:
        return str(obj.answer)


@scenario
class PackScenario(Scenario):
    model = Pack

    @classmethod
    def make(cls, cast: Cast, unit):
        return Pack.objects.create(assessment=_assessment(unit), state="ready")

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"assessment": _assessment(unit).pk, "purpose": "recertification"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"notes": "Handed to the auditor."}

    @classmethod
    def label(cls, obj) -> str:
        return obj.assessment.title
