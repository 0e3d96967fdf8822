"""The inquiry page's link to the nonconformity register, when it is installed."""

from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from zist.communication.models import InquiryKind

register = template.Library()


@register.simple_tag(takes_context=True)
def nonconformity_links(context, inquiry) -> dict:
    """The "Open a nonconformity" URL (prefilled with this inquiry as its source) and
    the nonconformities already raised from it that the user may see."""
    if not apps.is_installed("zist.nonconformities"):
        return {}
    from zist.nonconformities.models import Nonconformity

    user = context["request"].user
    content_type = ContentType.objects.get_for_model(inquiry)
    raised = Nonconformity.objects.restrict(user, "view").filter(
        source_type=content_type, source_id=inquiry.pk
    )
    try:
        add = reverse("nonconformities:nonconformity_add")
    except NoReverseMatch:
        return {}
    query = {
        "source_type": content_type.pk,
        "source_id": inquiry.pk,
        "unit": inquiry.unit_id,
        "title": inquiry.subject,
    }
    if inquiry.kind == InquiryKind.COMPLAINT:
        query["source_kind"] = "complaint"
    return {"add_url": f"{add}?{urlencode(query)}", "raised": raised}
