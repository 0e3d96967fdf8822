import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.training.models import (
    Certificate,
    Course,
    Enrolment,
    Evidence,
    Person,
    Requirement,
    Session,
)


def make_person(unit, **fields) -> Person:
    return Person.objects.create(unit=unit, **{"name": unique("person"), **fields})


def make_course(unit, **fields) -> Course:
    return Course.objects.create(unit=unit, **{"title": unique("course"), **fields})


def make_session(unit, course=None, **fields) -> Session:
    fields = {"date": dt.date(2025, 3, 1), **fields}
    return Session.objects.create(unit=unit, course=course or make_course(unit), **fields)


def make_requirement(unit, **fields) -> Requirement:
    fields = {"title": unique("requirement"), "post": "internal auditor", **fields}
    return Requirement.objects.create(unit=unit, **fields)


@scenario
class PersonScenario(Scenario):
    model = Person

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_person(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "name": unique("contractor"), "kind": "contractor"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"phone": "+98 21 0000"}


@scenario
class CourseScenario(Scenario):
    model = Course

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_course(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "title": unique("ISO 14001 awareness")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"validity_months": 24}


@scenario
class SessionScenario(Scenario):
    model = Session

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_session(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "course": make_course(unit).pk, "date": "2025-05-01"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"place": "Hall 2"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.course.title


@scenario
class EnrolmentScenario(Scenario):
    model = Enrolment

    @classmethod
    def make(cls, cast: Cast, unit):
        return Enrolment.objects.create(session=make_session(unit), person=make_person(unit))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"session": make_session(unit).pk, "person": make_person(unit).pk}

    @classmethod
    def change(cls, obj) -> dict:
        return {"attendance": "attended", "result": "passed", "score": 80}

    @classmethod
    def label(cls, obj) -> str:
        return obj.person.name


@scenario
class CertificateScenario(Scenario):
    model = Certificate

    @classmethod
    def make(cls, cast: Cast, unit):
        return Certificate.objects.create(
            person=make_person(unit), title=unique("certificate"), issued_on=dt.date(2025, 1, 1)
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "person": make_person(unit).pk,
            "title": unique("auditor certificate"),
            "issued_on": "2025-01-01",
            "expires_on": "2028-01-01",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"issuer": "Training centre"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.title


@scenario
class RequirementScenario(Scenario):
    model = Requirement

    @classmethod
    def make(cls, cast: Cast, unit):
        return make_requirement(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "title": unique("audits observed"), "post": "internal auditor"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"count": 2}


@scenario
class EvidenceScenario(Scenario):
    model = Evidence

    @classmethod
    def make(cls, cast: Cast, unit):
        return Evidence.objects.create(
            person=make_person(unit),
            requirement=make_requirement(unit),
            date=dt.date(2025, 2, 1),
            description=unique("observed audit"),
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "person": make_person(unit).pk,
            "requirement": make_requirement(unit).pk,
            "date": "2025-02-01",
            "description": unique("observed audit"),
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"date": "2025-02-02"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.description
