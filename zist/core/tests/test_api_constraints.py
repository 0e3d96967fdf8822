"""An API create that leaves out a field of a check constraint gets the constraint's
words in a 400, not the database's refusal (a server error): the record would be stored
with the field's default, and the constraint is checked against it. Nothing is saved."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from zist.aspects.models import CriteriaSet, Criterion
from zist.communication.models import Inquiry


@pytest.fixture
def api(cast):
    client = APIClient()
    client.force_authenticate(cast.superuser)
    return client


def test_a_lowest_score_above_the_default_highest_is_400(api, cast):
    criteria = CriteriaSet.objects.create(unit=cast.inside, name="Kiln", threshold=10)
    # Only the lowest score is sent: the highest stays at its default, 5.
    r = api.post(
        "/api/aspects/criteria/",
        {"criteria_set": criteria.pk, "code": "severity", "name": "Severity", "minimum": 6},
        format="json",
    )
    assert r.status_code == 400, r.content
    assert "highest score must be above the lowest" in r.content.decode()
    assert not Criterion.objects.exists()
    # Sent together, the same scale is stored.
    r = api.post(
        "/api/aspects/criteria/",
        {
            "criteria_set": criteria.pk,
            "code": "severity",
            "name": "Severity",
            "minimum": 6,
            "maximum": 9,
        },
        format="json",
    )
    assert r.status_code == 201, r.content
    assert Criterion.objects.get().maximum == 9


def test_an_answer_due_before_the_default_receipt_day_is_400(api, cast):
    # Only the due day is sent: the inquiry is received today by default.
    due = (timezone.localdate() - dt.timedelta(days=30)).isoformat()
    r = api.post(
        "/api/communication/inquiries/",
        {"unit": cast.inside.pk, "subject": "Smoke from the kiln", "answer_due": due},
        format="json",
    )
    assert r.status_code == 400, r.content
    assert "cannot be due before the inquiry came" in r.content.decode()
    assert not Inquiry.objects.exists()


def test_a_change_that_leaves_a_field_out_is_checked_against_the_stored_record(api, cast):
    criteria = CriteriaSet.objects.create(unit=cast.inside, name="Kiln", threshold=10)
    criterion = Criterion.objects.create(
        criteria_set=criteria, code="severity", name="Severity", minimum=1, maximum=5
    )
    r = api.patch(f"/api/aspects/criteria/{criterion.pk}/", {"minimum": 7}, format="json")
    assert r.status_code == 400, r.content
    criterion.refresh_from_db()
    assert (criterion.minimum, criterion.maximum) == (1, 5)
