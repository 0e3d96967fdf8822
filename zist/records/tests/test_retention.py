import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from zist.records.due import due_items
from zist.records.models import Decision, Record, retention_end
from zist.records.testing import make_type
from zist.users.roles import Role


@pytest.mark.parametrize(
    ("day", "months", "keep_until", "expected"),
    [
        (dt.date(2020, 2, 29), 36, None, dt.date(2023, 2, 28)),
        (dt.date(2021, 6, 15), 60, None, dt.date(2026, 6, 15)),
        (dt.date(2021, 6, 15), 12, dt.date(2030, 1, 1), dt.date(2030, 1, 1)),
        # A "keep until" earlier than the period changes nothing.
        (dt.date(2021, 6, 15), 12, dt.date(2022, 1, 1), dt.date(2022, 6, 15)),
    ],
)
def test_it_computes_the_end_of_retention(day, months, keep_until, expected):
    assert retention_end(day, months, keep_until) == expected


def _record(unit, day, months=12, **fields):
    return Record.objects.create(
        unit=unit, record_type=make_type(unit, months), title="r", record_date=day, **fields
    )


def test_it_lists_records_past_retention_until_someone_decides(cast):
    today = dt.date(2025, 6, 1)
    old = _record(cast.inside, dt.date(2020, 1, 1))
    _record(cast.inside, dt.date(2025, 1, 1))  # kept until 2026
    _record(cast.inside, dt.date(2020, 1, 1), decision=Decision.ARCHIVE)
    longer = _record(
        cast.inside, dt.date(2020, 1, 1), decision=Decision.EXTEND, keep_until=dt.date(2025, 5, 1)
    )
    assert set(Record.objects.awaiting_decision(today)) == {old, longer}


def test_it_moves_retention_when_the_type_changes(cast):
    record = _record(cast.inside, dt.date(2024, 1, 10), months=12)
    assert record.retain_until == dt.date(2025, 1, 10)
    record.record_type.retention_months = 60
    record.record_type.save()
    record.refresh_from_db()
    assert record.retain_until == dt.date(2029, 1, 10)


def test_it_refuses_to_destroy_before_retention_ends(cast):
    record = _record(cast.inside, dt.date.today(), months=12)
    record.decision = Decision.DESTROY
    with pytest.raises(ValidationError) as error:
        record.full_clean()
    assert "decision" in error.value.message_dict


def test_it_never_deletes_an_undecided_record(cast, make_user):
    record = _record(cast.inside, dt.date(2010, 1, 1))
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_MANAGER, cast.inside))
    refused = api.delete(f"/api/records/records/{record.pk}/")
    assert refused.status_code == 400
    assert "Decide to destroy" in refused.json()["detail"][0]
    assert Record.objects.filter(pk=record.pk).exists()


def test_it_lets_only_approvers_decide(cast, make_user, client):
    record = _record(cast.inside, dt.date(2010, 1, 1))
    rep = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    leader = make_user(Role.UNIT_LEADER, cast.inside)
    api = APIClient()
    api.force_authenticate(rep)
    url = f"/api/records/records/{record.pk}/"
    assert api.patch(url, {"decision": "destroy"}, format="json").status_code == 403
    client.force_login(rep)
    data = {
        "unit": cast.inside.pk,
        "record_type": record.record_type_id,
        "title": "r",
        "record_date": "2010-01-01",
        "decision": "archive",
    }
    edit = reverse("records:record_edit", args=[record.pk])
    assert client.post(edit, data).status_code == 400
    record.refresh_from_db()
    assert record.decision == ""
    api.force_authenticate(leader)
    assert api.patch(url, {"decision": "destroy"}, format="json").status_code == 200
    record.refresh_from_db()
    assert (record.decision, record.decided_by) == (Decision.DESTROY, leader)
    assert record.decided_on == dt.date.today()


def test_it_asks_the_unit_leader_for_a_decision(cast, make_user):
    leader = make_user(Role.UNIT_LEADER, cast.inside)
    type(cast.inside).objects.filter(pk=cast.inside.pk).update(leader=leader)
    old = _record(cast.inside, dt.date(2020, 1, 1))
    _record(cast.outside, dt.date(2020, 1, 1))
    items = list(due_items(leader, dt.date(2025, 6, 1)))
    assert [item.key for item in items] == [f"record-retention:{old.pk}:2021-01-01"]


def test_it_lists_on_a_record_type_only_the_records_of_the_users_units(cast, make_user, client):
    """The issue's case: District 4 files records under a record type of District 3;
    District 3's representative sees only District 3's records past retention."""
    record_type = make_type(cast.inside, 12)
    ours = Record.objects.create(
        unit=cast.inside,
        record_type=record_type,
        title="D3 logbook",
        record_date=dt.date(2015, 1, 1),
    )
    theirs = Record.objects.create(
        unit=cast.outside,
        record_type=record_type,
        title="D4 logbook",
        record_date=dt.date(2015, 1, 1),
    )
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))

    page = client.get(reverse("records:recordtype_detail", args=[record_type.pk]))

    text = page.content.decode()
    assert ours.get_absolute_url() in text
    assert "D4 logbook" not in text and theirs.get_absolute_url() not in text
