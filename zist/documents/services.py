"""The document workflow: draft → in review → approved → published → superseded or
withdrawn. Each step checks who may take it (through the one policy) and records who
and when; the web pages and the API both call these functions.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from zist.core.calendars import add_months
from zist.documents.models import (
    Acknowledgement,
    ApprovalRoute,
    Document,
    DocumentVersion,
    Review,
    VersionStatus,
    ancestor_paths,
)


def route_for(document: Document) -> ApprovalRoute | None:
    """The approval route of the document's type on its unit or the nearest unit above."""
    from zist.organisations.models import Unit

    # Read the path from the database: a unit moved since it was loaded has a new one.
    path = Unit.objects.filter(pk=document.unit_id).values_list("path", flat=True).first()
    routes = ApprovalRoute.objects.filter(
        doc_type=document.doc_type, unit__path__in=ancestor_paths([path or ""])
    )
    return routes.order_by("-unit__depth").first()


def _allowed(user, version: DocumentVersion, action: str) -> bool:
    return DocumentVersion.objects.restrict(user, action).filter(pk=version.pk).exists()


def _require(user, version: DocumentVersion, action: str) -> None:
    if not _allowed(user, version, action):
        raise PermissionDenied(_("You may not do this to this document."))


def _require_status(version: DocumentVersion, *statuses: str) -> None:
    if version.status not in statuses:
        raise ValidationError(
            _("Not possible while the version is %(status)s.")
            % {"status": version.get_status_display().lower()}
        )


def can_approve(user, version: DocumentVersion) -> bool:
    """Whether `user` may approve: the `approve` permission on the document's unit and,
    when the document type's route names an approver, being that approver."""
    if not _allowed(user, version, "approve"):
        return False
    route = route_for(version.document)
    if route is not None and route.approver_id is not None and not user.is_superuser:
        return route.approver_id == user.pk
    return True


def submit(version: DocumentVersion, user) -> DocumentVersion:
    """Send a draft to its reviewers and approver."""
    _require(user, version, "change")
    _require_status(version, VersionStatus.DRAFT)
    if not version.content.strip() and not version.file:
        raise ValidationError(_("Write the text or attach a file before sending for review."))
    version.status = VersionStatus.IN_REVIEW
    version.submitted_by, version.submitted_at = user, timezone.now()
    version.save()
    return version


def return_to_draft(version: DocumentVersion, user) -> DocumentVersion:
    """Send a version under review back to its author for changes."""
    _require(user, version, "change")
    _require_status(version, VersionStatus.IN_REVIEW)
    version.status = VersionStatus.DRAFT
    version.save()
    return version


def approve(version: DocumentVersion, user) -> DocumentVersion:
    """Record the approval (who, when). Refused to anyone who may not approve."""
    if not can_approve(user, version):
        raise PermissionDenied(_("You may not approve this document."))
    _require_status(version, VersionStatus.IN_REVIEW)
    version.status = VersionStatus.APPROVED
    version.approved_by, version.approved_at = user, timezone.now()
    version.save()
    return version


@transaction.atomic
def publish(version: DocumentVersion, user, today: dt.date | None = None) -> DocumentVersion:
    """Publish an approved version; the version published until now is superseded (kept,
    read-only). The document's next review is set one review interval ahead."""
    _require(user, version, "change")
    # Lock the document so that two publications cannot run side by side.
    document = Document._base_manager.select_for_update().get(pk=version.document_id)
    version.refresh_from_db()
    _require_status(version, VersionStatus.APPROVED)
    now = timezone.now()
    for previous in DocumentVersion._base_manager.filter(
        document=document, status=VersionStatus.PUBLISHED
    ):
        previous.status, previous.retired_at = VersionStatus.SUPERSEDED, now
        previous.save()
    version.status = VersionStatus.PUBLISHED
    version.published_by, version.published_at = user, now
    version.save()
    today = today or timezone.localdate()
    document.next_review = add_months(today, document.review_interval_months)
    document.save()
    return version


def withdraw(version: DocumentVersion, user) -> DocumentVersion:
    """Take a published version out of use without replacing it; it stays readable."""
    _require(user, version, "change")
    _require_status(version, VersionStatus.PUBLISHED)
    version.status, version.retired_at = VersionStatus.WITHDRAWN, timezone.now()
    version.save()
    return version


def new_revision(document: Document, user) -> DocumentVersion:
    """A new draft starting from the latest version's text."""
    if not Document.objects.restrict(user, "change").filter(pk=document.pk).exists():
        raise PermissionDenied(_("You may not do this to this document."))
    latest = document.versions.order_by("-number").first()
    if latest is not None and latest.status in (VersionStatus.DRAFT, VersionStatus.IN_REVIEW):
        raise ValidationError(_("Finish the open version %(version)s first.") % {"version": latest})
    version = DocumentVersion(document=document, content=latest.content if latest else "")
    version.save()
    return version


def is_reviewer(user, version: DocumentVersion) -> bool:
    """Whether `user` is named as a reviewer by the route of the version's document."""
    route = route_for(version.document)
    return route is not None and route.reviewers.filter(pk=user.pk).exists()


def review(version: DocumentVersion, user, outcome: str, comment: str = "") -> Review:
    """Record a reviewer's opinion of a version under review; only the reviewers named
    by the document type's route give one, and only while the version is in review."""
    if not (
        DocumentVersion.objects.restrict(user, "view").filter(pk=version.pk).exists()
        and is_reviewer(user, version)
    ):
        raise PermissionDenied(_("You are not a reviewer of this document."))
    _require_status(version, VersionStatus.IN_REVIEW)
    given, _created = Review.objects.update_or_create(
        version=version, reviewer=user, defaults={"outcome": outcome, "comment": comment}
    )
    return given


TRANSITIONS = {
    "submit": submit,
    "return": return_to_draft,
    "approve": approve,
    "publish": publish,
    "withdraw": withdraw,
}


def expected_readers(document: Document):
    """Active users whose home unit lies in (or under) a unit the document applies to."""
    from zist.users.models import User

    query = Q(pk__in=[])
    for unit in document.applicable_units.all():
        query |= Q(home_unit__path__startswith=unit.path)
    return User.objects.filter(query, is_active=True).order_by("username")


def acknowledge(version: DocumentVersion, user) -> Acknowledgement:
    """Record that `user` has read the published `version` (once)."""
    if not DocumentVersion.objects.restrict(user, "view").filter(pk=version.pk).exists():
        raise PermissionDenied(_("You may not do this to this document."))
    _require_status(version, VersionStatus.PUBLISHED)
    acknowledgement, _created = Acknowledgement.objects.get_or_create(version=version, user=user)
    return acknowledgement


def reading_status(version: DocumentVersion) -> dict:
    """Who should read the version, who has confirmed it and who has not yet."""
    readers = list(expected_readers(version.document))
    read = {a.user_id: a for a in version.acknowledgements.all()}
    return {
        "read": [(user, read[user.pk]) for user in readers if user.pk in read],
        "unread": [user for user in readers if user.pk not in read],
        "total": len(readers),
    }


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def render_text(text: str) -> SafeString:
    """Our small markup as HTML. Everything is escaped first; only the tags this
    function writes itself reach the page, so no user HTML is ever rendered."""
    html: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []

    def inline(line: str) -> str:
        return _BOLD.sub(r"<strong>\1</strong>", escape(line))

    def flush() -> None:
        if paragraph:
            html.append("<p>" + "<br>".join(inline(line) for line in paragraph) + "</p>")
            paragraph.clear()
        if items:
            html.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in items) + "</ul>")
            items.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("## "):
            flush()
            html.append(f"<h4>{inline(line[3:])}</h4>")
        elif line.startswith("# "):
            flush()
            html.append(f"<h3>{inline(line[2:])}</h3>")
        elif line.startswith("- "):
            if paragraph:
                flush()
            items.append(line[2:])
        else:
            if items:
                flush()
            paragraph.append(line)
    flush()
    return mark_safe("\n".join(html))  # noqa: S308 - built from escaped text only
