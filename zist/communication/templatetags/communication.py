"""The inquiry page's link to the nonconformity register, when it is installed."""

from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from zist.communication.models import InquiryKind

register = template.Library()


@register.simple_tag
def nonconformity_add_url(inquiry) -> str:
    """The "Open a nonconformity" URL, prefilled with this inquiry as its source, when
    the nonconformities app is installed (those already raised are the inquiry
    register's related list)."""
    if not apps.is_installed("zist.nonconformities"):
        return ""
    try:
        add = reverse("nonconformities:nonconformity_add")
    except NoReverseMatch:
        return ""
    query = {
        "source_type": ContentType.objects.get_for_model(inquiry).pk,
        "source_id": inquiry.pk,
        "unit": inquiry.unit_id,
        "title": inquiry.subject,
    }
    if inquiry.kind == InquiryKind.COMPLAINT:
        query["source_kind"] = "complaint"
    return f"{add}?{urlencode(query)}"
