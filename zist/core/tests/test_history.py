"""Every change is kept with who, when and before/after, and can be shown."""

import datetime as dt
import zoneinfo

from django.urls import reverse
from django.utils import timezone

from zist.actions.models import Action
from zist.core.history import object_history
from zist.users.roles import Role


def test_it_records_who_changed_what_through_the_page(cast, make_user, client):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, first_name="Maryam")
    client.force_login(manager)
    action = Action.objects.create(unit=cast.inside, title="Fit timers")
    response = client.post(
        reverse("actions:action_edit", args=[action.pk]),
        {
            "unit": cast.inside.pk,
            "title": "Fit smart timers",
            "kind": "task",
            "status": "in_progress",
            "progress": 30,
        },
    )
    assert response.status_code == 302
    entries = object_history(Action, action.pk, manager)
    assert [e.kind for e in entries] == ["+", "~"]
    changed = {c.field: (c.old, c.new) for c in entries[1].changes}
    assert changed["Title"] == ("Fit timers", "Fit smart timers")
    assert changed["Status"] == ("Open", "In progress")
    assert entries[1].user == manager


def test_it_records_changes_made_through_the_api(cast, make_user):
    from rest_framework.test import APIClient

    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    action = Action.objects.create(unit=cast.inside, title="Fit timers")
    api = APIClient()
    api.force_authenticate(manager)
    assert api.patch(f"/api/actions/actions/{action.pk}/", {"progress": 50}).status_code == 200
    record = action.history.first()
    assert record.history_user == manager and record.progress == 50


def test_it_shows_the_history_page_with_the_diff(cast, make_user, client):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, first_name="Maryam")
    client.force_login(manager)
    action = Action.objects.create(unit=cast.inside, title="Fit timers")
    client.post(
        reverse("actions:action_edit", args=[action.pk]),
        {
            "unit": cast.outside.pk,
            "title": "Fit timers",
            "kind": "task",
            "status": "open",
            "progress": 0,
        },
    )
    page = client.get(reverse("actions:action_history", args=[action.pk])).content.decode()
    assert "District 3" in page and "District 4" in page and "Maryam" in page


def test_it_keeps_the_history_of_a_deleted_record(cast, make_user, client):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    client.force_login(manager)
    action = Action.objects.create(unit=cast.inside, title="Short-lived")
    pk = action.pk
    client.post(reverse("actions:action_delete", args=[pk]))
    assert not Action.objects.filter(pk=pk).exists()
    response = client.get(reverse("actions:action_history", args=[pk]))
    assert response.status_code == 200
    assert [e.kind for e in response.context["entries"]] == ["-", "+"]


def test_it_hides_the_history_of_records_out_of_scope(cast, make_user, client):
    action = Action.objects.create(unit=cast.outside, title="Not yours")
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    assert client.get(reverse("actions:action_history", args=[action.pk])).status_code == 404


def test_it_shows_a_register_as_it_stood_on_a_past_date(cast, make_user, client):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    client.force_login(manager)
    old = Action.objects.create(unit=cast.inside, title="Old title")
    Action.history.filter(id=old.pk).update(history_date=timezone.now() - dt.timedelta(days=10))
    old.title = "New title"
    old.save()
    Action.objects.create(unit=cast.inside, title="Created today")
    past = (timezone.localdate() - dt.timedelta(days=5)).isoformat()
    response = client.get(reverse("actions:action_list"), {"as_of": past})
    titles = [row["object"].title for row in response.context["rows"]]
    assert titles == ["Old title"]
    today = client.get(reverse("actions:action_list"))
    assert sorted(row["object"].title for row in today.context["rows"]) == [
        "Created today",
        "New title",
    ]


def test_it_offers_no_way_to_edit_history(client, cast):
    from django.urls import get_resolver

    names = [name for name in get_resolver().reverse_dict if isinstance(name, str)]
    assert not [n for n in names if "history" in n and ("edit" in n or "delete" in n)]


def test_it_shows_a_moved_units_history_to_those_who_see_it_now(cast, make_user, client):
    from zist.organisations import services
    from zist.organisations.models import Unit

    # Moving District 3 rewrites its subunit's path without a history row of the
    # subunit: its last history row still places it under District 3's old path.
    child = services.create_unit(cast.inside, name="Depot", code="depot")
    services.move_unit(Unit.objects.get(pk=cast.inside.pk), Unit.objects.get(pk=cast.outside.pk))
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.outside))
    assert client.get(reverse("organisations:unit_history", args=[child.pk])).status_code == 200


def test_the_change_log_lists_the_newest_visible_changes_in_a_few_queries(
    cast, make_user, client, django_assert_max_num_queries
):
    """Newest first across registers, only what the user may see, labelled as the
    record stood; the number of queries does not grow with the number of registers."""
    from zist.meters.testing import make_meter
    from zist.objectives.models import Objective

    rep = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    Action.objects.create(unit=cast.inside, title="Fit timers")
    Action.objects.create(unit=cast.outside, title="Outside action")
    meter = make_meter(cast.inside, code="E-77")
    goal = Objective.objects.create(
        unit=cast.inside, code="G1", statement="First words", deadline=dt.date(2030, 1, 1)
    )
    goal.statement = "Second words"
    goal.save()
    client.force_login(rep)
    with django_assert_max_num_queries(20):
        rows = client.get(reverse("change_log")).context["rows"]
    labels = [row["label"] for row in rows]
    assert labels[:4] == ["G1: Second words", "G1: First words", str(meter), "Fit timers"]
    assert "Outside action" not in labels
    assert [row["date"] for row in rows] == sorted((row["date"] for row in rows), reverse=True)
    page = client.get(reverse("home")).content.decode()
    assert "G1: Second words" in page


def _documents_and_obligations(cast):
    """Records of the region that apply to District 3 (visible to it through `pk__in`
    in their scopes), and records of another organisation."""
    from zist.documents.testing import make_document
    from zist.obligations.models import Obligation

    shared_document = make_document(cast.region, title="Applies to District 3")
    shared_document.applicable_units.add(cast.inside)
    foreign_document = make_document(cast.foreign, title="Biblioteket's own")
    shared_obligation = Obligation.objects.create(
        unit=cast.region, reference="R-1", title="Region permit", kind="permit"
    )
    shared_obligation.applies_to.add(cast.inside)
    foreign_obligation = Obligation.objects.create(
        unit=cast.foreign, reference="F-1", title="Foreign permit", kind="permit"
    )
    return [(shared_document, foreign_document), (shared_obligation, foreign_obligation)]


def test_it_restricts_history_by_the_records_id_not_the_history_rows(cast, make_user, client):
    """Scopes that say `pk__in` (documents and obligations that apply to my units) read
    the record's id on history tables, never the history row's."""
    from zist.core.registry import get_register
    from zist.core.testing import collide_history

    pairs = _documents_and_obligations(cast)
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    # "As of" a day is read in the person's time zone (Tehran's, a day ahead of UTC
    # between 20:30 and midnight UTC).
    today = timezone.localdate(timezone=zoneinfo.ZoneInfo(cast.tehran.time_zone)).isoformat()
    for shared, foreign in pairs:
        model = type(shared)
        collide_history(model, shared.pk, foreign.pk)
        reg = get_register(model)
        listed = client.get(reverse(reg.url_name("list")), {"as_of": today})
        assert [row["object"].pk for row in listed.context["rows"]] == [shared.pk]
        exported = b"".join(
            client.get(
                reverse(reg.url_name("list")), {"as_of": today, "export": "csv"}
            ).streaming_content
        ).decode()
        assert shared.title in exported and foreign.title not in exported
        history = reverse(reg.url_name("history"), args=[foreign.pk])
        assert client.get(history).status_code == 404
        labels = [row["label"] for row in client.get(reverse("change_log")).context["rows"]]
        assert str(shared) in labels and str(foreign) not in labels
        assert str(foreign) not in client.get(reverse("home")).content.decode()


def test_it_hides_a_deleted_foreign_record_whose_last_row_shares_a_visible_id(
    cast, make_user, client
):
    from zist.core.testing import collide_history
    from zist.documents.models import Document

    (shared, foreign), _obligations = _documents_and_obligations(cast)
    foreign_pk = foreign.pk
    foreign.delete()
    collide_history(Document, shared.pk, foreign_pk)
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    assert client.get(reverse("documents:document_history", args=[shared.pk])).status_code == 200
    response = client.get(reverse("documents:document_history", args=[foreign_pk]))
    assert response.status_code == 404
