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
