from zist.core.filters import ZistFilterSet
from zist.training.models import (
    Certificate,
    Course,
    Enrolment,
    Evidence,
    Person,
    Requirement,
    Session,
)


class PersonFilterSet(ZistFilterSet):
    search_fields = ("name", "post", "organisation_name", "email")

    class Meta:
        model = Person
        fields = ["unit", "kind", "active"]


class CourseFilterSet(ZistFilterSet):
    search_fields = ("title", "description")

    class Meta:
        model = Course
        fields = ["unit"]


class SessionFilterSet(ZistFilterSet):
    search_fields = ("course__title", "place", "trainer")

    class Meta:
        model = Session
        fields = ["unit", "course", "audience", "date"]


class EnrolmentFilterSet(ZistFilterSet):
    search_fields = ("person__name", "session__course__title")

    class Meta:
        model = Enrolment
        fields = ["session", "person", "attendance", "result", "effectiveness"]


class CertificateFilterSet(ZistFilterSet):
    search_fields = ("title", "person__name", "issuer")

    class Meta:
        model = Certificate
        fields = ["person", "course", "expires_on"]


class RequirementFilterSet(ZistFilterSet):
    search_fields = ("title", "post", "description")

    class Meta:
        model = Requirement
        fields = ["unit", "role", "course"]


class EvidenceFilterSet(ZistFilterSet):
    search_fields = ("description", "person__name")

    class Meta:
        model = Evidence
        fields = ["person", "requirement", "date"]
