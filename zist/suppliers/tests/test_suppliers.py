import datetime as dt

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from zist.aspects.models import Aspect
from zist.aspects.testing import AspectScenario
from zist.suppliers.due import due_items
from zist.suppliers.forms import SupplierForm
from zist.suppliers.models import Supplier, SupplierStatus
from zist.suppliers.services import status_for
from zist.suppliers.testing import make_supplier
from zist.training.models import Enrolment
from zist.training.testing import make_person, make_session
from zist.users.roles import Role


@pytest.mark.parametrize(
    ("score", "status"),
    [
        (100, SupplierStatus.APPROVED),
        (70, SupplierStatus.APPROVED),
        (69, SupplierStatus.CONDITIONAL),
        (50, SupplierStatus.CONDITIONAL),
        (49, SupplierStatus.SUSPENDED),
        (0, SupplierStatus.SUSPENDED),
    ],
)
def test_it_turns_a_score_into_a_status(score, status):
    assert status_for(score) == status


def test_it_updates_the_supplier_from_its_latest_evaluation(cast, make_user):
    supplier = make_supplier(cast.inside)
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_MANAGER, cast.inside))
    for date, score in (("2025-01-31", 82), ("2024-06-01", 30)):
        created = api.post(
            "/api/suppliers/evaluations/",
            {"supplier": supplier.pk, "date": date, "score": score},
            format="json",
        )
        assert created.status_code == 201, created.content
    supplier.refresh_from_db()
    # The 2024 evaluation was entered later but is older: the 2025 one counts.
    assert supplier.status == SupplierStatus.APPROVED
    assert supplier.next_evaluation == dt.date(2026, 1, 31)
    too_high = api.post(
        "/api/suppliers/evaluations/",
        {"supplier": supplier.pk, "date": "2025-02-01", "score": 101},
        format="json",
    )
    assert too_high.status_code == 400


def test_it_offers_only_significant_aspects(cast, make_user):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.inside)
    significant = AspectScenario.make(cast, cast.inside)
    other = AspectScenario.make(cast, cast.inside)
    Aspect.objects.filter(pk=significant.pk).update(significant=True)
    Aspect.objects.filter(pk=other.pk).update(significant=False)
    form = SupplierForm(user=user)
    assert list(form.fields["aspects"].queryset) == [significant]


def test_it_shows_trained_staff_without_a_login(cast, make_user, client):
    supplier = make_supplier(cast.inside, name="Sabz Gostar")
    worker = make_person(cast.inside, name="Hassan Mousavi", kind="contractor")
    supplier.staff.add(worker)
    session = make_session(cast.inside)
    Enrolment.objects.create(session=session, person=worker, attendance="attended")
    client.force_login(make_user(Role.VIEWER, cast.inside))
    page = client.get(reverse("suppliers:supplier_detail", args=[supplier.pk]))
    html = page.content.decode()
    assert "Hassan Mousavi" in html
    assert session.course.title in html


def test_it_reminds_the_contract_manager_of_a_due_evaluation(cast, make_user):
    owner = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    due = make_supplier(cast.inside, owner=owner, next_evaluation=dt.date(2025, 5, 1))
    make_supplier(cast.inside, owner=owner, next_evaluation=dt.date(2026, 5, 1))
    items = list(due_items(owner, dt.date(2025, 6, 1)))
    assert [item.title for item in items] == [due.name]
    assert Supplier.objects.count() == 2


def test_it_names_only_the_training_sessions_the_user_may_see(cast, make_user, client):
    supplier = make_supplier(cast.inside)
    worker = make_person(cast.inside, name="Hassan Mousavi", kind="contractor")
    supplier.staff.add(worker)
    hidden = make_session(cast.outside)
    Enrolment.objects.create(session=hidden, person=worker, attendance="attended")
    client.force_login(make_user(Role.VIEWER, cast.inside))
    html = client.get(reverse("suppliers:supplier_detail", args=[supplier.pk])).content.decode()
    assert "Hassan Mousavi" in html
    assert hidden.course.title not in html
