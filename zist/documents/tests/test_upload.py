import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from zist.documents.models import DocumentVersion
from zist.documents.testing import make_document
from zist.users.roles import Role

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _post(client, document, upload):
    return client.post(
        reverse("documents:documentversion_add"),
        {"document": document.pk, "content": "", "change_summary": "", "file": upload},
    )


def _stored(media) -> list:
    return [path for path in media.rglob("*") if path.is_file()]


def test_it_stores_an_accepted_pdf(cast, make_user, client, media):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    document = make_document(cast.inside)
    response = _post(client, document, SimpleUploadedFile("policy.pdf", PDF))
    assert response.status_code == 302
    version = DocumentVersion.objects.get(document=document)
    assert version.file_name == "policy.pdf"
    assert len(_stored(media)) == 1


def test_it_refuses_a_file_over_the_limit_and_stores_nothing(
    cast, make_user, client, media, settings
):
    settings.ZIST_ATTACHMENT_MAX_BYTES = 10
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    document = make_document(cast.inside)
    response = _post(client, document, SimpleUploadedFile("policy.pdf", PDF))
    assert response.status_code == 400
    assert "the limit is 10" in str(response.context["form"].errors["file"])
    assert not DocumentVersion.objects.exists()
    assert _stored(media) == []


def test_it_refuses_a_disguised_file_and_stores_nothing(cast, make_user, client, media):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    document = make_document(cast.inside)
    fake = SimpleUploadedFile("report.pdf", b"<html><script>alert(1)</script></html>")
    response = _post(client, document, fake)
    assert response.status_code == 400
    assert "not accepted" in str(response.context["form"].errors["file"])
    assert not DocumentVersion.objects.exists()
    assert _stored(media) == []


def test_it_explains_a_refused_file_in_the_users_language(cast, make_user, client, media):
    user = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside, language="da")
    client.force_login(user)
    document = make_document(cast.inside)
    with translation.override("da"):
        url = reverse("documents:documentversion_add")
    response = client.post(
        url, {"document": document.pk, "file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00binary")}
    )
    assert response.status_code == 400
    errors = str(response.context["form"].errors["file"])
    assert "not accepted" not in errors
    assert "accepteret" in errors or "accepteres" in errors
