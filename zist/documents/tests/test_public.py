import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from zist.documents.models import DocumentVersion, VersionStatus
from zist.documents.testing import make_document
from zist.users.roles import Role

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def published(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = make_document(cast.inside, title="Environmental policy", public=True)
    return DocumentVersion.objects.create(
        document=document,
        content="# We prevent pollution",
        status=VersionStatus.PUBLISHED,
        file=SimpleUploadedFile("policy.pdf", PDF),
    )


def test_it_shows_public_published_documents_to_anyone(cast, client, published):
    hidden = make_document(cast.inside, title="Internal procedure")
    DocumentVersion.objects.create(document=hidden, status=VersionStatus.PUBLISHED)
    draft_only = make_document(cast.inside, title="Draft policy", public=True)
    DocumentVersion.objects.create(document=draft_only)
    listed = client.get(reverse("documents:public_list"), {"organisation": cast.tehran.pk})
    assert listed.status_code == 200
    assert [v.document.title for v in listed.context["versions"]] == ["Environmental policy"]
    # Without an organisation: a choice of organisations, never a mixed list.
    chooser = client.get(reverse("documents:public_list"))
    assert chooser.context["versions"] == []
    assert list(chooser.context["organisations"]) == [cast.tehran]
    other = client.get(reverse("documents:public_list"), {"organisation": cast.albertslund.pk})
    assert list(other.context["versions"]) == []
    page = client.get(reverse("documents:public_detail", args=[published.document_id]))
    assert "<h3>We prevent pollution</h3>" in page.content.decode()
    assert client.get(reverse("documents:public_detail", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("documents:public_detail", args=[draft_only.pk])).status_code == 404
    download = client.get(reverse("documents:public_file", args=[published.document_id]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "sandbox" in download["Content-Security-Policy"]


def test_it_serves_a_version_file_only_to_those_who_may_see_it(cast, make_user, client, published):
    published.document.public = False
    published.document.save()
    url = reverse("documents:documentversion_file", args=[published.pk])
    client.force_login(make_user(Role.VIEWER, cast.outside))
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("documents:public_file", args=[published.document_id])).status_code
        == 404
    )
    client.force_login(make_user(Role.VIEWER, cast.inside))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
