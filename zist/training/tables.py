from zist.core.tables import Table
from zist.training.models import (
    Certificate,
    Course,
    Enrolment,
    Evidence,
    Person,
    Requirement,
    Session,
)


class PersonTable(Table):
    model = Person
    columns = ["name", "kind", "post", "organisation_name", "unit", "user", "active"]


class CourseTable(Table):
    model = Course
    columns = ["title", "unit", "duration_hours", "validity_months"]


class SessionTable(Table):
    model = Session
    columns = ["course", "date", "audience", "place", "trainer", "unit"]


class EnrolmentTable(Table):
    model = Enrolment
    columns = ["person", "session", "attendance", "result", "score", "effectiveness"]


class CertificateTable(Table):
    model = Certificate
    columns = ["title", "person", "course", "issuer", "issued_on", "expires_on"]


class RequirementTable(Table):
    model = Requirement
    columns = ["title", "post", "role", "course", "count", "unit"]


class EvidenceTable(Table):
    model = Evidence
    columns = ["description", "person", "requirement", "date"]
