"""What the document and version pages show beyond their fields."""

from django import template

from zist.documents import services
from zist.documents.models import ApprovalRoute, DocumentVersion, VersionStatus
from zist.users.models import User

register = template.Library()


def _may(user, version, action: str) -> bool:
    return DocumentVersion.objects.restrict(user, action).filter(pk=version.pk).exists()


@register.simple_tag(takes_context=True)
def version_panel(context, version) -> dict:
    user = context["request"].user
    may_change = _may(user, version, "change")
    status = version.status
    route = services.route_for(version.document)
    people = User.objects.restrict(user, "view")
    panel = {
        "html": services.render_text(version.content),
        "route": route,
        # Who reviews and approves, among the accounts the page's user may see.
        "reviewers": list(people.filter(pk__in=route.reviewers.values("pk"))) if route else [],
        "approver": people.filter(pk=route.approver_id).first() if route else None,
        "can_submit": may_change and status == VersionStatus.DRAFT,
        "can_return": may_change and status == VersionStatus.IN_REVIEW,
        "can_approve": status == VersionStatus.IN_REVIEW and services.can_approve(user, version),
        "can_publish": may_change and status == VersionStatus.APPROVED,
        "can_withdraw": may_change and status == VersionStatus.PUBLISHED,
        "frozen": version.is_frozen,
        "acknowledged": version.acknowledgements.filter(user=user).exists(),
        "can_acknowledge": status == VersionStatus.PUBLISHED,
        "reviews": version.reviews.select_related("reviewer"),
        "can_review": status == VersionStatus.IN_REVIEW and services.is_reviewer(user, version),
    }
    if panel["can_review"]:
        from zist.documents.forms import ReviewForm

        panel["review_form"] = ReviewForm()
    if status == VersionStatus.PUBLISHED and may_change:
        panel["reading"] = services.reading_status(version)
    return panel


@register.simple_tag(takes_context=True)
def document_panel(context, document) -> dict:
    user = context["request"].user
    versions = DocumentVersion.objects.restrict(user, "view").filter(document=document)
    published = versions.filter(status=VersionStatus.PUBLISHED).first()
    return {
        "published": published,
        "html": services.render_text(published.content) if published else "",
        "route": _visible_route(user, document),
        "reading": services.reading_status(published) if published else None,
    }


def _visible_route(user, document):
    """The document's approval route if `user` may see it (one set on a unit above
    theirs is used but not named)."""
    route = services.route_for(document)
    if route and ApprovalRoute.objects.restrict(user, "view").filter(pk=route.pk).exists():
        return route
    return None
