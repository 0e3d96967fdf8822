"""Evidence files: checked by content, size-limited, served only to those who may see
the record, kept in history."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zist.actions.models import Action
from zist.attachments.models import Attachment
from zist.users.roles import Role

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


@pytest.fixture(autouse=True)
def _uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def action(cast):
    return Action.objects.create(unit=cast.inside, title="Permit renewal")


def _upload(client, action, name, content):
    content_type = ContentType.objects.get_for_model(Action)
    url = reverse("attachments:attachment_add", args=[content_type.pk, action.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content), "description": ""})


def test_it_attaches_a_pdf_and_serves_it_to_those_who_may_see_the_record(
    cast, make_user, client, action
):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    assert _upload(client, action, "permit.pdf", PDF).status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.mime_type, attachment.size, attachment.name) == (
        "application/pdf",
        len(PDF),
        "permit.pdf",
    )
    download = client.get(reverse("attachments:attachment_download", args=[attachment.pk]))
    assert b"".join(download.streaming_content) == PDF
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.outside))
    assert (
        client.get(reverse("attachments:attachment_download", args=[attachment.pk])).status_code
        == 404
    )


def test_it_checks_the_content_not_the_name(cast, make_user, client, action):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    response = _upload(client, action, "report.pdf", b"MZ\x90\x00 this is an executable")
    assert response.status_code == 302
    assert Attachment.objects.count() == 0
    page = client.get(response["Location"]).content.decode()
    assert "not accepted" in page
    _upload(client, action, "photo.pdf", PNG)
    assert Attachment.objects.count() == 0


def test_it_refuses_html_disguised_as_text(cast, make_user, client, action):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    _upload(client, action, "notes.txt", b"<html><script>alert(1)</script></html>")
    assert Attachment.objects.count() == 0
    _upload(client, action, "notes.txt", "یادداشت بازدید".encode())
    assert Attachment.objects.get().mime_type == "text/plain"


def test_it_refuses_a_file_over_the_limit(cast, make_user, client, action, settings):
    settings.ZIST_ATTACHMENT_MAX_BYTES = 100
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    response = _upload(client, action, "big.pdf", PDF + b"0" * 200)
    assert Attachment.objects.count() == 0
    assert "limit" in client.get(response["Location"]).content.decode()


def test_it_lets_only_those_who_may_change_the_record_upload(cast, make_user, client, action):
    client.force_login(make_user(Role.VIEWER, cast.inside))
    assert _upload(client, action, "permit.pdf", PDF).status_code == 404
    assert Attachment.objects.count() == 0


def test_it_keeps_a_removed_file_in_history(cast, make_user, client, action):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    _upload(client, action, "permit.pdf", PDF)
    attachment = Attachment.objects.get()
    path = attachment.file.path
    client.post(reverse("attachments:attachment_delete", args=[attachment.pk]))
    assert Attachment.objects.count() == 0
    assert [r.history_type for r in Attachment.history.all()] == ["-", "+"]
    with open(path, "rb") as kept:
        assert kept.read() == PDF
    page = client.get(reverse("actions:action_history", args=[action.pk])).content.decode()
    assert '<td class="new">permit.pdf</td>' in page  # added…
    assert '<td class="old">permit.pdf</td>' in page  # …then removed


def test_it_restricts_the_attachment_queryset_like_its_parents(cast, make_user, action):
    other = Action.objects.create(unit=cast.outside, title="Elsewhere")
    for parent in (action, other):
        Attachment.objects.create(
            parent=parent, file="x.pdf", name=f"{parent}.pdf", mime_type="application/pdf", size=1
        )
    rep = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    assert [a.name for a in Attachment.objects.restrict(rep, "view")] == ["Permit renewal.pdf"]


def test_it_uploads_lists_and_removes_through_the_api(cast, make_user, action):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    created = api.post(
        "/api/attachments/",
        {
            "record_type": "actions.action",
            "object_id": action.pk,
            "file": SimpleUploadedFile("permit.pdf", PDF),
        },
        format="multipart",
    )
    assert created.status_code == 201, created.content
    listed = api.get("/api/attachments/").json()["results"]
    assert [item["name"] for item in listed] == ["permit.pdf"]
    refused = api.post(
        "/api/attachments/",
        {
            "record_type": "actions.action",
            "object_id": action.pk,
            "file": SimpleUploadedFile("permit.pdf", b"MZ not a pdf"),
        },
        format="multipart",
    )
    assert refused.status_code == 400 and Attachment.objects.count() == 1
    assert api.delete(f"/api/attachments/{listed[0]['id']}/").status_code == 204


def test_it_refuses_api_uploads_to_records_out_of_scope(cast, make_user):
    from rest_framework.test import APIClient

    elsewhere = Action.objects.create(unit=cast.outside, title="Elsewhere")
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    response = api.post(
        "/api/attachments/",
        {
            "record_type": "actions.action",
            "object_id": elsewhere.pk,
            "file": SimpleUploadedFile("permit.pdf", PDF),
        },
        format="multipart",
    )
    assert response.status_code == 404
    assert Attachment.objects.count() == 0


def test_it_stops_storing_an_upload_at_the_limit(cast, make_user, client, action, settings):
    from zist.core.uploads import LimitedUploadHandler

    settings.ZIST_ATTACHMENT_MAX_BYTES = 1000
    settings.ZIST_IMPORT_MAX_BYTES = 500
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    response = _upload(client, action, "big.pdf", PDF + b"0" * 100_000)
    assert "limit" in client.get(response["Location"]).content.decode()
    assert not Attachment.objects.exists()
    # What the next handler (the temporary file) receives stops at the limit.
    handler = LimitedUploadHandler()
    handler.new_file("file", "big.pdf", "application/pdf", 100_000)
    passed = [handler.receive_data_chunk(b"0" * 400, start) for start in range(0, 4000, 400)]
    assert sum(len(chunk) for chunk in passed if chunk) <= 1000
    assert handler.file_complete(4000).size == 4000
