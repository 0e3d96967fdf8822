import datetime as dt

from django.urls import reverse

from zist.documents import services
from zist.documents.due import due_items
from zist.documents.models import ApprovalRoute, DocumentType, DocumentVersion, Review
from zist.documents.testing import make_document
from zist.users.roles import Role


def test_it_records_the_routes_reviewers_opinions(cast, make_user, client):
    author = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    reviewer = make_user(Role.VIEWER, cast.inside)
    stranger = make_user(Role.UNIT_LEADER, cast.inside)
    route = ApprovalRoute.objects.create(unit=cast.inside, doc_type=DocumentType.PROCEDURE)
    route.reviewers.add(reviewer)
    version = DocumentVersion.objects.create(document=make_document(cast.inside), content="x")
    services.submit(version, author)
    later = dt.date.today() + dt.timedelta(days=1)
    assert [item.title for item in due_items(reviewer, later)] == [str(version)]
    url = reverse("documents:documentversion_review", args=[version.pk])
    client.force_login(stranger)
    assert client.post(url, {"outcome": "agree"}).status_code == 403
    client.force_login(reviewer)
    assert client.post(url, {"outcome": "changes", "comment": "Add the scope."}).status_code == 302
    assert client.post(url, {"outcome": "agree", "comment": "Fine now."}).status_code == 302
    given = Review.objects.get()
    assert (given.reviewer, given.outcome, given.comment) == (reviewer, "agree", "Fine now.")
    # Reviewed: no longer in the reviewer's tasks.
    assert list(due_items(reviewer, later)) == []


def test_a_version_names_only_the_reviewers_and_approver_the_user_may_see(cast, make_user, client):
    seen = make_user(Role.VIEWER, cast.inside, username="reviewer-seen")
    unseen = make_user(Role.VIEWER, cast.outside, username="reviewer-unseen")
    approver = make_user(Role.ENVIRONMENTAL_MANAGER, cast.outside, username="approver-unseen")
    route = ApprovalRoute.objects.create(
        unit=cast.inside, doc_type=DocumentType.PROCEDURE, approver=approver
    )
    route.reviewers.add(seen, unseen)
    version = DocumentVersion.objects.create(document=make_document(cast.inside), content="x")
    client.force_login(make_user(Role.VIEWER, cast.inside))
    html = client.get(reverse("documents:documentversion_detail", args=[version.pk])).content
    assert b"reviewer-seen" in html
    assert b"reviewer-unseen" not in html
    assert b"approver-unseen" not in html


def test_a_document_links_its_approval_route_only_if_the_user_may_see_it(cast, make_user, client):
    route = ApprovalRoute.objects.create(unit=cast.tehran_root, doc_type=DocumentType.PROCEDURE)
    document = make_document(cast.inside)
    assert services.route_for(document) == route  # the root's route applies
    client.force_login(make_user(Role.VIEWER, cast.inside))
    html = client.get(reverse("documents:document_detail", args=[document.pk])).content.decode()
    assert route.get_absolute_url() not in html
    client.force_login(cast.superuser)
    html = client.get(reverse("documents:document_detail", args=[document.pk])).content.decode()
    assert route.get_absolute_url() in html
