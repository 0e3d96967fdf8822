"""Who meets which competence requirement, the training-needs matrix, and the
qualification of internal auditors (asked by the audit module).

`requirement_met` is the rule, a pure function over what a person has done; the rest
loads those facts from the database in a fixed number of queries and applies it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from zist.core.calendars import add_months
from zist.documents.models import ancestor_paths
from zist.training.models import (
    Attendance,
    Certificate,
    Enrolment,
    Evidence,
    Person,
    Requirement,
    Result,
)
from zist.users.roles import Role


@dataclass
class Record:
    """What one person has done, as far as competence goes."""

    # course id → dates of sessions attended without failing
    completions: dict[int, list[dt.date]] = field(default_factory=dict)
    # course id → expiry dates of certificates (None: never expires)
    certificates: dict[int, list[dt.date | None]] = field(default_factory=dict)
    # requirement id → number of pieces of evidence
    evidence: dict[int, int] = field(default_factory=dict)


def requirement_met(
    count: int,
    course_id: int | None,
    validity_months: int | None,
    requirement_id: int,
    record: Record,
    today: dt.date,
) -> bool:
    """A course requirement is met by `count` completions still within the course's
    validity, or by certificates for the course not yet expired (each counts once);
    an evidence requirement by `count` pieces of evidence."""
    if course_id is None:
        return record.evidence.get(requirement_id, 0) >= count
    valid = [
        day
        for day in record.completions.get(course_id, [])
        if validity_months is None or add_months(day, validity_months) >= today
    ]
    certificates = [
        expiry
        for expiry in record.certificates.get(course_id, [])
        if expiry is None or expiry >= today
    ]
    return len(valid) + len(certificates) >= count


def load_records(people: list[Person]) -> dict[int, Record]:
    """Completions, certificates and evidence of `people`, three queries in all."""
    records = {person.pk: Record() for person in people}
    ids = list(records)
    attended = Enrolment.objects.filter(person_id__in=ids, attendance=Attendance.ATTENDED).exclude(
        result=Result.FAILED
    )
    for person_id, course_id, day in attended.values_list(
        "person_id", "session__course_id", "session__date"
    ):
        records[person_id].completions.setdefault(course_id, []).append(day)
    certificates = Certificate.objects.filter(person_id__in=ids, course__isnull=False)
    for person_id, course_id, expiry in certificates.values_list(
        "person_id", "course_id", "expires_on"
    ):
        records[person_id].certificates.setdefault(course_id, []).append(expiry)
    for person_id, requirement_id in Evidence.objects.filter(person_id__in=ids).values_list(
        "person_id", "requirement_id"
    ):
        counts = records[person_id].evidence
        counts[requirement_id] = counts.get(requirement_id, 0) + 1
    return records


def applies(requirement: Requirement, person: Person, roles: set[str]) -> bool:
    """A requirement applies to people of its unit's subtree whose post it names or
    whose login holds its role (`roles`: the roles of the person's login)."""
    if not person.unit.path.startswith(requirement.unit.path):
        return False
    if requirement.post and requirement.post.strip().casefold() == person.post.strip().casefold():
        return True
    return bool(requirement.role) and requirement.role in roles


def _roles(people: list[Person]) -> dict[int, set[str]]:
    from zist.users.models import RoleAssignment

    today = timezone.localdate()
    roles: dict[int, set[str]] = {person.pk: set() for person in people}
    by_user = {person.user_id: person.pk for person in people if person.user_id}
    grants = RoleAssignment.objects.filter(user_id__in=list(by_user)).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )
    for user_id, role in grants.values_list("user_id", "role"):
        roles[by_user[user_id]].add(role)
    return roles


@dataclass
class Cell:
    requirement: Requirement
    applies: bool
    met: bool

    @property
    def gap(self) -> bool:
        return self.applies and not self.met


@dataclass
class Row:
    person: Person
    cells: list[Cell]

    @property
    def gaps(self) -> int:
        return sum(cell.gap for cell in self.cells)


def needs_matrix(people, requirements, today: dt.date | None = None) -> list[Row]:
    """People × requirements: for each cell whether the requirement applies and is met."""
    today = today or timezone.localdate()
    people = list(people.select_related("unit") if isinstance(people, QuerySet) else people)
    # Reload with their units: a unit moved since a requirement was loaded has a new path.
    order = [requirement.pk for requirement in requirements]
    fresh = Requirement.objects.filter(pk__in=order).select_related("unit", "course")
    by_pk = {requirement.pk: requirement for requirement in fresh}
    requirements = [by_pk[pk] for pk in order]
    records = load_records(people)
    roles = _roles(people)
    rows = []
    for person in people:
        cells = []
        for requirement in requirements:
            applicable = applies(requirement, person, roles[person.pk])
            met = applicable and requirement_met(
                requirement.count,
                requirement.course_id,
                requirement.course.validity_months if requirement.course_id else None,
                requirement.pk,
                records[person.pk],
                today,
            )
            cells.append(Cell(requirement, applicable, met))
        rows.append(Row(person, cells))
    return rows


def auditor_requirements(person: Person) -> QuerySet[Requirement]:
    """The internal-auditor requirements set on the person's unit or above it."""
    return Requirement.objects.filter(
        role=Role.INTERNAL_AUDITOR, unit__path__in=ancestor_paths([person.unit.path])
    ).select_related("unit", "course")


def _qualified(person: Person, today: dt.date) -> bool:
    requirements = list(auditor_requirements(person))
    if not requirements:
        # Without documented criteria nobody is qualified (ISO 19011 competence).
        return False
    record = load_records([person])[person.pk]
    return all(
        requirement_met(
            r.count,
            r.course_id,
            r.course.validity_months if r.course_id else None,
            r.pk,
            record,
            today,
        )
        for r in requirements
    )


def is_qualified_auditor(user, today: dt.date | None = None) -> bool:
    """Whether `user` meets every internal-auditor requirement (role "internal
    auditor") set on their unit or above it. False when none is set."""
    person = Person.objects.filter(user=user, active=True).select_related("unit").first()
    if person is None:
        return False
    return _qualified(person, today or timezone.localdate())


def qualified_auditors(unit, today: dt.date | None = None):
    """Users of `unit`'s organisation who are qualified internal auditors (they may
    audit any unit of it; independence is the audit programme's concern)."""
    from zist.users.models import User

    today = today or timezone.localdate()
    people = Person.objects.filter(
        user__isnull=False,
        user__is_active=True,
        active=True,
        unit__organisation=unit.organisation_id,
    ).select_related("unit")
    ids = [person.user_id for person in people if _qualified(person, today)]
    return User.objects.filter(pk__in=ids).order_by("username")


@transaction.atomic
def enrol(session, people) -> list[Enrolment]:
    """Enrol people on a session; people already on it are left as they are."""
    already = set(session.enrolments.values_list("person_id", flat=True))
    created = [
        Enrolment.objects.create(session=session, person=person)
        for person in people
        if person.pk not in already
    ]
    return created
