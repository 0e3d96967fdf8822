"""Template helpers shared by the planning registers' detail pages."""

from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def visible(context, queryset, action="view"):
    """`queryset` restricted to what the current user may `action`."""
    return queryset.restrict(context["request"].user, action)


@register.simple_tag(takes_context=True)
def treatments(context, source):
    """The actions (treatments, tasks) whose source is `source`, as the user may see
    them."""
    from zist.actions.models import Action

    return (
        Action.objects.restrict(context["request"].user, "view")
        .for_source(source)
        .select_related("owner")
    )


@register.simple_tag(takes_context=True)
def nonconformities(context, evaluation) -> dict:
    """The nonconformities raised from a compliance evaluation and the link that opens
    one, when the nonconformities app is installed (it points at its source through
    source_type/source_id, like Action.source)."""
    if not apps.is_installed("zist.nonconformities"):
        return {"installed": False}
    user = context["request"].user
    content_type = ContentType.objects.get_for_model(evaluation)
    model = apps.get_model("nonconformities", "Nonconformity")
    items = model.objects.restrict(user, "view").filter(
        source_type=content_type, source_id=evaluation.pk
    )
    try:
        base = reverse("nonconformities:nonconformity_add")
    except NoReverseMatch:
        base = ""
    title = _("Not compliant with %(obligation)s") % {"obligation": evaluation.obligation}
    query = urlencode(
        {
            "source_kind": "compliance_evaluation",
            "source_type": content_type.pk,
            "source_id": evaluation.pk,
            "unit": evaluation.unit_id,
            "title": title,
        }
    )
    return {
        "installed": True,
        "items": list(items),
        "add_url": f"{base}?{query}" if base else "",
    }
