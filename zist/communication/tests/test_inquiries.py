import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from zist.communication.due import due_items
from zist.communication.models import Inquiry
from zist.users.roles import Role


def test_it_gives_an_inquiry_fourteen_days_by_default(cast):
    inquiry = Inquiry.objects.create(
        unit=cast.inside, subject="Dust", received_on=dt.date(2025, 12, 25)
    )
    assert inquiry.answer_due == dt.date(2026, 1, 8)


def test_it_refuses_an_answer_date_without_an_answer(cast):
    inquiry = Inquiry(unit=cast.inside, subject="x", answered_on=dt.date.today())
    with pytest.raises(ValidationError) as error:
        inquiry.full_clean()
    assert "answer" in error.value.message_dict


def test_it_refuses_an_answer_due_before_receipt(cast):
    inquiry = Inquiry(
        unit=cast.inside,
        subject="x",
        received_on=dt.date(2025, 3, 1),
        answer_due=dt.date(2025, 2, 1),
    )
    with pytest.raises(ValidationError):
        inquiry.full_clean()


def test_it_shows_an_overdue_inquiry_in_its_owners_tasks(cast, make_user):
    owner = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    today = timezone.localdate()
    late = Inquiry.objects.create(
        unit=cast.inside,
        subject="Overflowing bins on Golha street",
        received_on=today - dt.timedelta(days=30),
        owner=owner,
    )
    Inquiry.objects.create(
        unit=cast.inside,
        subject="Answered",
        received_on=today - dt.timedelta(days=30),
        owner=owner,
        answer="Emptied.",
        answered_on=today - dt.timedelta(days=25),
    )
    Inquiry.objects.create(
        unit=cast.inside, subject="Someone else's", received_on=today - dt.timedelta(days=30)
    )
    items = list(due_items(owner, today + dt.timedelta(days=7)))
    assert [item.title for item in items] == [late.subject]
    assert items[0].is_overdue
    assert list(Inquiry.objects.overdue()) == [late, Inquiry.objects.get(subject="Someone else's")]


def test_it_highlights_overdue_inquiries_in_the_list(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside)
    old = timezone.localdate() - dt.timedelta(days=30)
    late = Inquiry.objects.create(unit=cast.inside, subject="late", received_on=old)
    Inquiry.objects.create(unit=cast.inside, subject="new")
    client.force_login(user)
    page = client.get(reverse("communication:inquiry_list"), {"overdue": "true"})
    assert [row["object"] for row in page.context["rows"]] == [late]
    detail = client.get(late.get_absolute_url())
    assert "Overdue: the answer was due on" in detail.content.decode()


def test_it_links_a_complaint_to_a_new_nonconformity(cast, make_user, client):
    pytest.importorskip("zist.nonconformities.models")
    from django.apps import apps

    if not apps.is_installed("zist.nonconformities"):
        pytest.skip("the nonconformity register is not installed")
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.inside)
    complaint = Inquiry.objects.create(
        unit=cast.inside, subject="Oil in the qanat", kind="complaint"
    )
    client.force_login(user)
    page = client.get(complaint.get_absolute_url()).content.decode()
    assert "Open a nonconformity" in page
    assert "source_kind=complaint" in page
    assert f"source_id={complaint.pk}" in page
