from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.documents import services
from zist.documents.models import Document, DocumentVersion, VersionStatus


def due_items(user, until):
    """Periodic reviews of documents the user owns (or, without an owner, whose unit the
    user leads or represents), and versions waiting for the user's review or approval."""
    mine = (
        Q(owner=user)
        | Q(unit__leader=user, owner__isnull=True)
        | Q(unit__representative=user, owner__isnull=True)
    )
    documents = (
        Document.objects.restrict(user, "view")
        .filter(mine, next_review__lte=until)
        .select_related("unit")
    )
    for document in documents:
        yield DueItem(
            key=f"document-review:{document.pk}:{document.next_review.isoformat()}",
            title=str(document),
            due=document.next_review,
            kind=_("Document review"),
            url=document.get_absolute_url(),
            unit=str(document.unit),
        )
    waiting = (
        DocumentVersion.objects.restrict(user, "view")
        .filter(status=VersionStatus.IN_REVIEW, submitted_at__date__lte=until)
        .select_related("document", "document__unit")
    )
    for version in waiting:
        route = services.route_for(version.document)
        if route is None:
            continue
        reviewer = route.reviewers.filter(pk=user.pk).exists()
        if reviewer and version.reviews.filter(reviewer=user).exists():
            continue  # this reviewer has given an opinion already
        if route.approver_id != user.pk and not reviewer:
            continue
        yield DueItem(
            key=f"document-version:{version.pk}:review",
            title=str(version),
            due=version.submitted_at.date(),
            kind=_("Document approval"),
            url=version.get_absolute_url(),
            unit=str(version.document.unit),
            approval=True,
        )
