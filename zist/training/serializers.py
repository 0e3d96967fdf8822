from zist.core.api import ZistModelSerializer
from zist.training.models import (
    Certificate,
    Course,
    Enrolment,
    Evidence,
    Person,
    Requirement,
    Session,
)


class PersonSerializer(ZistModelSerializer):
    class Meta:
        model = Person
        fields = [
            "id",
            "display",
            "unit",
            "name",
            "kind",
            "post",
            "organisation_name",
            "email",
            "phone",
            "user",
            "active",
        ]


class CourseSerializer(ZistModelSerializer):
    class Meta:
        model = Course
        fields = [
            "id",
            "display",
            "unit",
            "title",
            "description",
            "duration_hours",
            "validity_months",
        ]


class SessionSerializer(ZistModelSerializer):
    class Meta:
        model = Session
        fields = [
            "id",
            "display",
            "unit",
            "course",
            "date",
            "place",
            "trainer",
            "audience",
            "capacity",
        ]


class EnrolmentSerializer(ZistModelSerializer):
    class Meta:
        model = Enrolment
        fields = [
            "id",
            "display",
            "session",
            "person",
            "attendance",
            "result",
            "score",
            "effectiveness",
            "effectiveness_checked_on",
            "note",
        ]


class TrainingCertificateSerializer(ZistModelSerializer):
    """Named apart from the certification app's certificates in the API schema."""

    class Meta:
        model = Certificate
        fields = ["id", "display", "person", "course", "title", "issuer", "issued_on", "expires_on"]


class RequirementSerializer(ZistModelSerializer):
    class Meta:
        model = Requirement
        fields = [
            "id",
            "display",
            "unit",
            "title",
            "post",
            "role",
            "course",
            "count",
            "description",
        ]


class EvidenceSerializer(ZistModelSerializer):
    class Meta:
        model = Evidence
        fields = ["id", "display", "person", "requirement", "date", "description"]
