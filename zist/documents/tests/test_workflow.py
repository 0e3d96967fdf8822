import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from zist.documents import services
from zist.documents.models import ApprovalRoute, DocumentType, DocumentVersion, VersionStatus
from zist.documents.testing import make_document
from zist.users.roles import Role


@pytest.fixture
def people(cast, make_user):
    class People:
        leader = make_user(Role.UNIT_LEADER, cast.inside)
        rep = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
        manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)

    return People


def _approved(cast, people, **fields):
    version = DocumentVersion.objects.create(
        document=make_document(cast.inside, **fields), content="# Scope\nAll of it."
    )
    services.submit(version, people.rep)
    return services.approve(version, people.leader)


def test_it_numbers_versions_per_document(cast):
    document = make_document(cast.inside)
    first = DocumentVersion.objects.create(document=document, content="a")
    second = DocumentVersion.objects.create(document=document, content="b")
    assert (first.number, second.number) == (1, 2)


def test_it_refuses_two_published_versions_in_the_database(cast):
    document = make_document(cast.inside)
    DocumentVersion.objects.create(document=document, status=VersionStatus.PUBLISHED)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersion.objects.create(document=document, status=VersionStatus.PUBLISHED)


def test_it_records_who_approved_and_when(cast, people):
    version = _approved(cast, people)
    assert version.status == VersionStatus.APPROVED
    assert version.approved_by == people.leader
    assert version.approved_at is not None
    assert version.submitted_by == people.rep


def test_it_supersedes_the_published_version_and_keeps_it_unchanged(cast, people, client):
    first = _approved(cast, people)
    services.publish(first, people.rep, today=dt.date(2025, 1, 31))
    second = services.new_revision(first.document, people.rep)
    second.content = "# Scope\nAll districts, revised."
    second.save()
    services.submit(second, people.rep)
    services.approve(second, people.leader)
    services.publish(second, people.rep, today=dt.date(2025, 3, 1))
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    assert first.content == "# Scope\nAll of it."
    assert list(first.document.versions.published()) == [second]
    # The document's next review moves one interval (12 months) on.
    first.document.refresh_from_db()
    assert first.document.next_review == dt.date(2026, 3, 1)
    # Readable, but neither the form nor the API can change it.
    client.force_login(people.rep)
    assert client.get(first.get_absolute_url()).status_code == 200
    edit = reverse("documents:documentversion_edit", args=[first.pk])
    refused = client.post(edit, {"document": first.document_id, "content": "changed"})
    assert refused.status_code == 400
    api = APIClient()
    api.force_authenticate(people.rep)
    patched = api.patch(
        f"/api/documents/documentversions/{first.pk}/", {"content": "x"}, format="json"
    )
    assert patched.status_code == 400
    first.refresh_from_db()
    assert first.content == "# Scope\nAll of it."


def test_it_refuses_to_delete_an_approved_version(cast, people):
    version = _approved(cast, people)
    api = APIClient()
    api.force_authenticate(people.manager)
    refused = api.delete(f"/api/documents/documentversions/{version.pk}/")
    assert refused.status_code == 400
    assert refused.json()["detail"] == ["Only a draft can be deleted."]
    assert DocumentVersion.objects.filter(pk=version.pk).exists()


def test_it_refuses_approval_without_the_approve_permission_in_the_ui(cast, people, client):
    version = DocumentVersion.objects.create(document=make_document(cast.inside), content="x")
    services.submit(version, people.rep)
    client.force_login(people.rep)
    url = reverse("documents:documentversion_step", args=[version.pk, "approve"])
    assert client.post(url).status_code == 403
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW
    assert version.approved_by is None


def test_it_refuses_approval_without_the_approve_permission_in_the_api(cast, people):
    version = DocumentVersion.objects.create(document=make_document(cast.inside), content="x")
    services.submit(version, people.rep)
    api = APIClient()
    api.force_authenticate(people.rep)
    url = f"/api/documents/documentversions/{version.pk}/approve/"
    assert api.post(url).status_code == 403
    # Nor can the status be written directly.
    api.patch(f"/api/documents/documentversions/{version.pk}/", {"status": "approved"})
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW
    api.force_authenticate(people.leader)
    approved = api.post(url)
    assert approved.status_code == 200, approved.content
    assert approved.json()["approved_by"] == people.leader.pk


def test_it_lets_only_the_routes_approver_approve(cast, people, make_user):
    other_leader = make_user(Role.UNIT_LEADER, cast.inside)
    route = ApprovalRoute.objects.create(
        unit=cast.region, doc_type=DocumentType.PROCEDURE, approver=people.leader
    )
    version = DocumentVersion.objects.create(document=make_document(cast.inside), content="x")
    services.submit(version, people.rep)
    assert services.route_for(version.document) == route
    with pytest.raises(PermissionDenied):
        services.approve(version, other_leader)
    services.approve(version, people.leader)
    assert version.status == VersionStatus.APPROVED


def test_it_publishes_only_approved_versions(cast, people):
    version = DocumentVersion.objects.create(document=make_document(cast.inside), content="x")
    with pytest.raises(ValidationError):
        services.publish(version, people.rep)


def test_it_refuses_to_submit_an_empty_draft(cast, people):
    version = DocumentVersion.objects.create(document=make_document(cast.inside))
    with pytest.raises(ValidationError):
        services.submit(version, people.rep)


def test_it_shows_the_published_version_to_applicable_units(cast, people, make_user):
    document = make_document(cast.region)
    document.applicable_units.add(cast.region)
    reader = make_user(Role.VIEWER, cast.inside)
    draft = DocumentVersion.objects.create(document=document, content="draft")
    assert not DocumentVersion.objects.restrict(reader, "view").exists()
    draft.status = VersionStatus.PUBLISHED
    draft.save()
    assert list(DocumentVersion.objects.restrict(reader, "view")) == [draft]
    assert list(type(document).objects.restrict(reader, "view")) == [document]
    outsider = make_user(Role.VIEWER, cast.foreign)
    assert not DocumentVersion.objects.restrict(outsider, "view").exists()


def test_it_tracks_who_has_read_a_published_version(cast, people, make_user, client):
    version = _approved(cast, people)
    version.document.applicable_units.add(cast.inside)
    services.publish(version, people.rep)
    reader = make_user(Role.VIEWER, cast.inside)
    make_user(Role.VIEWER, cast.outside)  # not in an applicable unit
    client.force_login(reader)
    url = reverse("documents:documentversion_acknowledge", args=[version.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # twice is still once
    status = services.reading_status(version)
    assert [user for user, _ack in status["read"]] == [reader]
    assert set(status["unread"]) == {people.leader, people.rep}
    assert status["total"] == 3


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 1, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2025, 11, 15), 12, dt.date(2026, 11, 15)),
        (dt.date(2025, 11, 30), 3, dt.date(2026, 2, 28)),
    ],
)
def test_it_adds_months(day, months, expected):
    assert services.add_months(day, months) == expected
