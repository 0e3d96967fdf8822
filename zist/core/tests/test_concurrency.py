"""Two people edit the same record: the second save never silently undoes the first.

On the edit page the second person gets a conflict with both values and their input
kept; through the API a stale If-Match is a 412; an import refuses a record changed
while the file was read. Exercised with the Action register (any register works the
same way: the mechanism is in core)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.test import APIClient

from zist.actions.forms import ActionForm
from zist.actions.models import Action
from zist.actions.registers import ActionRegister
from zist.core import imports
from zist.core.tests.test_save_rules import _request
from zist.users.roles import Role

TOKEN = re.compile(r'name="_version" value="([^"]+)"')


@pytest.fixture
def action(cast):
    return Action.objects.create(
        unit=cast.inside, title="Insulate the roof", kind="task", status="open", progress=10
    )


@pytest.fixture
def alice(cast, make_user):
    return make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, first_name="Alice", language="en")


@pytest.fixture
def bob(cast, make_user):
    return make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, first_name="Bob", language="en")


def _browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _open(client, action) -> dict:
    """The edit page's form as the browser would send it back unchanged."""
    response = client.get(f"/en/actions/actions/{action.pk}/edit/")
    assert response.status_code == 200
    return {
        "unit": action.unit_id,
        "title": action.title,
        "description": action.description,
        "kind": action.kind,
        "owner": "",
        "due_date": "",
        "status": action.status,
        "progress": action.progress,
        "completed_on": "",
        "_version": _token(response),
    }


def _token(response) -> str:
    found = TOKEN.search(response.content.decode())
    return found.group(1) if found else ""


def _history(action) -> list[tuple[str, str, str]]:
    rows = action.history.order_by("history_id")
    return [
        (row.title, row.status, row.history_user and row.history_user.first_name) for row in rows
    ]


def test_it_shows_the_second_person_both_values_and_keeps_the_first_change(action, alice, bob):
    first, second = _browser(alice), _browser(bob)
    alices_form, bobs_form = _open(first, action), _open(second, action)

    alices_form |= {"status": "in_progress", "progress": 40}
    assert first.post(f"/en/actions/actions/{action.pk}/edit/", alices_form).status_code == 302
    bobs_form |= {"title": "Insulate the roof and the attic"}
    response = second.post(f"/en/actions/actions/{action.pk}/edit/", bobs_form)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this record" in page
    assert "Alice" in page  # who saved in between
    conflict = page[page.index('class="conflict"') : page.index("</section>")]
    # Fields in words: the status's label (not "in_progress") and the number as shown.
    assert "Status" in conflict and "In progress" in conflict and "Open" in conflict
    assert "Progress (%)" in conflict and "40" in conflict and "10" in conflict
    assert "Title" not in conflict  # Alice did not touch the title
    # Bob's input is kept in the form.
    assert 'value="Insulate the roof and the attic"' in page
    action.refresh_from_db()
    assert (action.title, action.status, action.progress) == (
        "Insulate the roof",
        "in_progress",
        40,
    )
    assert _history(action) == [
        ("Insulate the roof", "open", None),
        ("Insulate the roof", "in_progress", "Alice"),
    ]

    # Bob saves again, deliberately, with the version the conflict page carries.
    bobs_form["_version"] = _token(response)
    bobs_form |= {"status": "in_progress", "progress": 40}
    assert second.post(f"/en/actions/actions/{action.pk}/edit/", bobs_form).status_code == 302
    action.refresh_from_db()
    assert (action.title, action.status) == ("Insulate the roof and the attic", "in_progress")
    assert len(_history(action)) == 3


def test_the_conflict_is_told_in_the_users_language(action, alice, bob):
    first, second = _browser(alice), _browser(bob)
    alices_form, bobs_form = _open(first, action), _open(second, action)
    alices_form["status"] = "done"
    assert first.post(f"/en/actions/actions/{action.pk}/edit/", alices_form).status_code == 302
    response = second.post(f"/da/actions/actions/{action.pk}/edit/", bobs_form)
    assert response.status_code == 409
    page = response.content.decode()
    for english in ("Someone else changed this record", "Done"):
        with translation.override("da"):
            assert translation.gettext(english) in page
    assert "Someone else changed this record" not in page


def test_it_saves_when_the_other_person_typed_the_same(action, alice, bob):
    first, second = _browser(alice), _browser(bob)
    alices_form, bobs_form = _open(first, action), _open(second, action)
    alices_form["title"] = bobs_form["title"] = "Insulate the attic"
    assert first.post(f"/en/actions/actions/{action.pk}/edit/", alices_form).status_code == 302
    assert second.post(f"/en/actions/actions/{action.pk}/edit/", bobs_form).status_code == 302


def test_a_refused_form_keeps_the_version_it_was_opened_with(action, alice, bob):
    first, second = _browser(alice), _browser(bob)
    alices_form, bobs_form = _open(first, action), _open(second, action)
    bobs_form["progress"] = 400  # invalid: over 100
    response = second.post(f"/en/actions/actions/{action.pk}/edit/", bobs_form)
    assert response.status_code == 400
    assert _token(response) == bobs_form["_version"]
    alices_form["status"] = "done"
    assert first.post(f"/en/actions/actions/{action.pk}/edit/", alices_form).status_code == 302
    bobs_form["progress"] = 50
    assert second.post(f"/en/actions/actions/{action.pk}/edit/", bobs_form).status_code == 409
    assert Action.objects.get(pk=action.pk).status == "done"


def test_a_change_made_outside_the_pages_is_caught_too(action, alice):
    browser = _browser(alice)
    form = _open(browser, action)
    Action.objects.filter(pk=action.pk).update(progress=90)  # a service, a shell
    form["title"] = "Insulate"
    assert browser.post(f"/en/actions/actions/{action.pk}/edit/", form).status_code == 409
    assert Action.objects.get(pk=action.pk).progress == 90


def test_it_locks_the_row_it_saves(action, alice):
    browser = _browser(alice)
    form = _open(browser, action)
    with CaptureQueriesContext(connection) as queries:
        browser.post(f"/en/actions/actions/{action.pk}/edit/", form | {"title": "Insulate"})
    if connection.features.has_select_for_update:
        assert any("FOR UPDATE" in q["sql"] for q in queries.captured_queries)


# The API: ETag on a record, If-Match on writes.


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_refuses_a_stale_if_match_with_412_and_keeps_the_first_change(action, alice, bob):
    url = f"/api/actions/actions/{action.pk}/"
    first, second = _api(alice), _api(bob)
    alices_tag, bobs_tag = first.get(url)["ETag"], second.get(url)["ETag"]
    assert alices_tag == bobs_tag and alices_tag.startswith('"')

    response = first.patch(url, {"status": "done"}, format="json", HTTP_IF_MATCH=alices_tag)
    assert response.status_code == 200
    assert response["ETag"] != alices_tag
    assert response["ETag"] == first.get(url)["ETag"]

    response = second.patch(url, {"title": "Other"}, format="json", HTTP_IF_MATCH=bobs_tag)
    assert response.status_code == 412
    assert "changed" in response.json()["detail"]
    response = second.put(
        url,
        {"unit": action.unit_id, "title": "Other", "kind": "task", "status": "open"},
        format="json",
        HTTP_IF_MATCH=bobs_tag,
    )
    assert response.status_code == 412
    assert second.delete(url, HTTP_IF_MATCH=bobs_tag).status_code == 412
    action.refresh_from_db()
    assert (action.title, action.status) == ("Insulate the roof", "done")
    assert _history(action) == [
        ("Insulate the roof", "open", None),
        ("Insulate the roof", "done", "Alice"),
    ]
    # With the current tag (or "*") Bob's change goes through.
    fresh = second.get(url)["ETag"]
    assert (
        second.patch(url, {"title": "Other"}, format="json", HTTP_IF_MATCH=fresh).status_code == 200
    )
    assert second.delete(url, HTTP_IF_MATCH="*").status_code == 204


def test_the_api_412_is_translated(action, alice):
    url = f"/api/actions/actions/{action.pk}/"
    response = _api(alice).patch(
        url, {"title": "x"}, format="json", HTTP_IF_MATCH='"stale"', HTTP_ACCEPT_LANGUAGE="fa"
    )
    assert response.status_code == 412
    with translation.override("fa"):
        from zist.core.api import PreconditionFailed

        assert response.json()["detail"] == str(PreconditionFailed.default_detail)
    assert not response.json()["detail"].isascii()


def test_the_api_without_if_match_keeps_working(action, alice):
    url = f"/api/actions/actions/{action.pk}/"
    assert _api(alice).patch(url, {"title": "x"}, format="json").status_code == 200
    assert Action.objects.get(pk=action.pk).title == "x"


def test_a_save_that_changes_nothing_keeps_the_etag(action, alice):
    url = f"/api/actions/actions/{action.pk}/"
    client = _api(alice)
    tag = client.get(url)["ETag"]
    action.save()  # last_updated moves; nothing anyone reads does
    assert client.get(url)["ETag"] == tag


def test_the_schema_declares_if_match_etag_and_412():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    item = schema["paths"]["/api/actions/actions/{id}/"]
    for method in ("put", "patch", "delete"):
        names = [p["name"] for p in item[method]["parameters"] if p["in"] == "header"]
        assert "If-Match" in names, method
        assert "412" in item[method]["responses"], method
    assert "ETag" in item["get"]["responses"]["200"]["headers"]
    assert "ETag" in item["patch"]["responses"]["200"]["headers"]


# Imports lock the records they update.


class KeyedActionRegister(ActionRegister):
    """Actions named by their title in a spreadsheet; the form stands for another person
    saving the record while the import reads the file."""

    natural_key = ("title",)

    class form(ActionForm):
        def clean(self):
            Action.objects.filter(title="Insulate the roof").update(progress=77)
            return super().clean()


def test_an_import_refuses_a_record_changed_while_the_file_was_read(cast, action, alice):
    upload = SimpleUploadedFile(
        "actions.csv", b"Unit,Title,Kind,Status,Progress (%)\nd3,Insulate the roof,task,done,100\n"
    )
    request = _request(RequestFactory().post("/"), alice)
    with CaptureQueriesContext(connection) as queries:
        result = imports.run_import(KeyedActionRegister, upload, request)
    assert [e.row for e in result.errors] == [2]
    assert "changed" in result.errors[0].messages[0]
    action.refresh_from_db()
    # The stand-in for the other person writes inside the import's transaction (rows are
    # checked inside it), so it is rolled back with the refused import; what counts is
    # that the file's "done" was not saved over a record changed since it was read.
    assert action.status == "open"
    if connection.features.has_select_for_update:
        assert any("FOR UPDATE" in q["sql"] for q in queries.captured_queries)


def test_an_import_updates_a_record_nobody_touched(cast, action, alice):
    upload = SimpleUploadedFile(
        "actions.csv", b"Unit,Title,Kind,Status,Progress (%)\nd3,Insulate the roof,task,done,100\n"
    )
    request = _request(RequestFactory().post("/"), alice)

    class Keyed(ActionRegister):
        natural_key = ("title",)

    result = imports.run_import(Keyed, upload, request)
    assert result.ok and result.updated == 1
    assert Action.objects.get(pk=action.pk).status == "done"


# Deleting: the delete page carries the record's version like the edit page.


def test_a_delete_page_refuses_a_record_changed_since_it_was_shown(action, alice, bob):
    alices, bobs = _browser(alice), _browser(bob)
    page = alices.get(f"/en/actions/actions/{action.pk}/delete/")
    version = _token(page)
    assert version
    bobs.post(f"/en/actions/actions/{action.pk}/edit/", {**_open(bobs, action), "progress": 60})
    refused = alices.post(f"/en/actions/actions/{action.pk}/delete/", {"_version": version})
    assert refused.status_code == 409
    text = refused.content.decode()
    assert "after you opened this page, so it was not deleted" in text and "Bob" in text
    action.refresh_from_db()
    assert action.progress == 60
    # The refusal carries the version as it is now: confirming again deletes.
    deleted = alices.post(f"/en/actions/actions/{action.pk}/delete/", {"_version": _token(refused)})
    assert deleted.status_code == 302
    assert not Action.objects.filter(pk=action.pk).exists()


def test_a_refused_delete_is_one_message_on_the_page_and_a_400_in_the_api(cast, make_user):
    from django.urls import reverse

    from zist.users.models import User
    from zist.users.registers import UserRegister

    admin = make_user(Role.ADMINISTRATOR, cast.region, language="en")
    page = _browser(admin).post(
        reverse(UserRegister.url_name("delete"), args=[admin.pk]), follow=True
    )
    assert "You cannot delete yourself" in page.content.decode()
    refused = _api(admin).delete(f"/api/users/users/{admin.pk}/")
    assert refused.status_code == 400
    assert "You cannot delete yourself" in str(refused.json()["detail"])
    assert User.objects.filter(pk=admin.pk).exists()
