import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from zist.training import services
from zist.training.due import due_items
from zist.training.models import Certificate, Enrolment, Evidence, Person
from zist.training.testing import make_course, make_person, make_requirement, make_session
from zist.users.roles import Role


def test_it_enrols_a_person_without_a_login_and_records_attendance(cast, make_user):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.inside)
    course = make_course(cast.inside, title="Waste separation for contractors")
    session = make_session(cast.inside, course=course)
    make_requirement(cast.inside, title="Waste training", post="driver", course=course)
    driver = make_person(
        cast.inside,
        name="Reza Karimi",
        kind="contractor",
        organisation_name="Pak Co.",
        post="Driver",
    )
    assert driver.user is None
    api = APIClient()
    api.force_authenticate(manager)
    created = api.post(
        "/api/training/enrolments/", {"session": session.pk, "person": driver.pk}, format="json"
    )
    assert created.status_code == 201, created.content
    rows = services.needs_matrix(Person.objects.filter(pk=driver.pk), [course.requirements.get()])
    assert rows[0].cells[0].gap
    url = f"/api/training/enrolments/{created.json()['id']}/"
    marked = api.patch(url, {"attendance": "attended", "result": "passed"}, format="json")
    assert marked.status_code == 200, marked.content
    rows = services.needs_matrix(Person.objects.filter(pk=driver.pk), [course.requirements.get()])
    assert rows[0].cells[0].met


def test_it_does_not_count_a_failed_assessment(cast):
    course = make_course(cast.inside)
    requirement = make_requirement(cast.inside, post="driver", course=course)
    person = make_person(cast.inside, post="driver")
    Enrolment.objects.create(
        session=make_session(cast.inside, course=course),
        person=person,
        attendance="attended",
        result="failed",
    )
    rows = services.needs_matrix(Person.objects.filter(pk=person.pk), [requirement])
    assert rows[0].cells[0].gap


def test_it_refuses_to_assess_someone_who_was_absent(cast):
    enrolment = Enrolment(
        session=make_session(cast.inside), person=make_person(cast.inside), attendance="absent"
    )
    enrolment.result = "passed"
    with pytest.raises(ValidationError) as error:
        enrolment.full_clean()
    assert "attendance" in error.value.message_dict


def test_it_applies_requirements_from_units_above_by_post_or_role(cast, make_user):
    user = make_user(Role.INTERNAL_AUDITOR, cast.inside)
    by_role = make_requirement(cast.region, post="", role=Role.INTERNAL_AUDITOR)
    by_post = make_requirement(cast.region, post="Gardener")
    elsewhere = make_requirement(cast.outside, post="Gardener")
    auditor = make_person(cast.inside, user=user)
    gardener = make_person(cast.inside, post=" gardener ")
    rows = services.needs_matrix(
        Person.objects.filter(pk__in=[auditor.pk, gardener.pk]).order_by("pk"),
        [by_role, by_post, elsewhere],
    )
    applies = [[cell.applies for cell in row.cells] for row in rows]
    assert applies == [[True, False, False], [False, True, False]]


def test_it_shows_gaps_and_enrols_from_them(cast, make_user, client):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    course = make_course(cast.region, title="ISO 14001 awareness")
    make_requirement(cast.region, title="Awareness", post="staff", course=course)
    done = make_person(cast.inside, name="Done", post="staff")
    gap = make_person(cast.inside, name="Gap", post="staff")
    make_person(cast.inside, name="Other post", post="driver")
    session = make_session(cast.region, course=course)
    Enrolment.objects.create(session=session, person=done, attendance="attended")
    client.force_login(manager)
    page = client.get(reverse("training:needs"), {"unit": cast.inside.pk, "gaps": "1"})
    assert page.status_code == 200
    assert [row.person for row in page.context["rows"]] == [gap]
    assert page.context["gap_total"] == 1
    later = make_session(cast.region, course=course, date=dt.date(2025, 9, 1))
    data = {"session": later.pk, "people": [gap.pk], "unit": cast.inside.pk}
    assert client.post(reverse("training:bulk_enrol"), data).status_code == 302
    assert client.post(reverse("training:bulk_enrol"), data).status_code == 302
    assert list(later.enrolments.values_list("person__name", flat=True)) == ["Gap"]


def test_it_refuses_bulk_enrolment_to_a_viewer(cast, make_user, client):
    viewer = make_user(Role.VIEWER, cast.inside)
    person = make_person(cast.inside)
    session = make_session(cast.inside)
    client.force_login(viewer)
    client.post(reverse("training:bulk_enrol"), {"session": session.pk, "people": [person.pk]})
    assert not Enrolment.objects.exists()


def _auditor_requirements(cast):
    course = make_course(cast.region, title="ISO 14001 internal auditor course", validity_months=36)
    make_requirement(
        cast.region, title="Auditor course", post="", role=Role.INTERNAL_AUDITOR, course=course
    )
    observed = make_requirement(
        cast.region, title="Two audits observed", post="", role=Role.INTERNAL_AUDITOR, count=2
    )
    return course, observed


def test_it_knows_who_is_a_qualified_internal_auditor(cast, make_user):
    today = dt.date(2025, 6, 1)
    full = make_user(Role.INTERNAL_AUDITOR, cast.inside)
    half = make_user(Role.INTERNAL_AUDITOR, cast.outside)
    no_person = make_user(Role.INTERNAL_AUDITOR, cast.inside)
    foreign = make_user(Role.INTERNAL_AUDITOR, cast.foreign)
    assert not services.is_qualified_auditor(full, today)  # no criteria yet
    course, observed = _auditor_requirements(cast)
    session = make_session(cast.region, course=course, date=dt.date(2024, 11, 1))
    for user, audits in ((full, 2), (half, 1)):
        person = make_person(user.home_unit, user=user)
        Enrolment.objects.create(session=session, person=person, attendance="attended")
        for day in range(audits):
            Evidence.objects.create(
                person=person, requirement=observed, date=dt.date(2025, 1, 1 + day), description="x"
            )
    foreign_person = make_person(cast.foreign, user=foreign)
    Enrolment.objects.create(session=session, person=foreign_person, attendance="attended")
    assert services.is_qualified_auditor(full, today)
    assert not services.is_qualified_auditor(half, today)
    assert not services.is_qualified_auditor(no_person, today)
    assert not services.is_qualified_auditor(foreign, today)
    assert list(services.qualified_auditors(cast.outside, today)) == [full]
    # The course counts for 36 months: after that, the auditor must retrain.
    assert not services.is_qualified_auditor(full, dt.date(2027, 11, 2))


def test_it_reminds_the_holder_of_an_expiring_certificate(cast, make_user):
    user = make_user(Role.VIEWER, cast.inside)
    person = make_person(cast.inside, user=user)
    soon = Certificate.objects.create(
        person=person,
        title="First aid",
        issued_on=dt.date(2023, 1, 1),
        expires_on=dt.date(2025, 5, 1),
    )
    Certificate.objects.create(
        person=person,
        title="Auditor",
        issued_on=dt.date(2023, 1, 1),
        expires_on=dt.date(2028, 1, 1),
    )
    items = list(due_items(user, dt.date(2025, 6, 1)))
    assert [item.key for item in items] == [f"certificate:{soon.pk}:2025-05-01"]
