"""Template helpers of the planning registers' detail pages."""

from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def nonconformity_add_url(evaluation) -> str:
    """The link that opens a nonconformity raised from a failing compliance evaluation
    (its source), when the nonconformities app is installed; the nonconformities
    already raised are the evaluation register's related list."""
    if not apps.is_installed("zist.nonconformities"):
        return ""
    try:
        base = reverse("nonconformities:nonconformity_add")
    except NoReverseMatch:
        return ""
    title = _("Not compliant with %(obligation)s") % {"obligation": evaluation.obligation}
    query = urlencode(
        {
            "source_kind": "compliance_evaluation",
            "source_type": ContentType.objects.get_for_model(evaluation).pk,
            "source_id": evaluation.pk,
            "unit": evaluation.unit_id,
            "title": title,
        }
    )
    return f"{base}?{query}"
