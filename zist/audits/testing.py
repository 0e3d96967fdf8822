import datetime as dt

from zist.audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from zist.core.testing import Cast, Scenario, scenario, unique


def make_audit(unit, **fields) -> Audit:
    return Audit.objects.create(
        unit=unit, title=unique("audit"), start_date=dt.date(2030, 5, 1), **fields
    )


@scenario
class AuditProgrammeScenario(Scenario):
    model = AuditProgramme

    @classmethod
    def make(cls, cast: Cast, unit):
        return AuditProgramme.objects.create(unit=unit, year=1409, title=unique("programme"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "year": 1410, "title": unique("new-programme")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"objectives": "Every district once a year."}


@scenario
class AuditScenario(Scenario):
    model = Audit

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_audit(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "title": unique("new-audit"), "start_date": "2030-06-01"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "in_progress"}


@scenario
class ChecklistItemScenario(Scenario):
    model = ChecklistItem

    @classmethod
    def make(cls, cast: Cast, unit):
        return ChecklistItem.objects.create(audit=make_audit(unit), question=unique("question"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"audit": make_audit(unit).pk, "question": unique("new-question")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"result": "conforms", "notes": "Seen the register."}

    @classmethod
    def label(cls, obj) -> str:
        return obj.question


@scenario
class FindingScenario(Scenario):
    model = Finding

    @classmethod
    def make(cls, cast: Cast, unit):
        return Finding.objects.create(
            audit=make_audit(unit), unit=unit, grade="observation", statement=unique("finding")
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "audit": make_audit(unit).pk,
            "unit": unit.pk,
            "grade": "opportunity",
            "statement": unique("new-finding"),
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"evidence": "Photo of the store."}

    @classmethod
    def label(cls, obj) -> str:
        return obj.statement
