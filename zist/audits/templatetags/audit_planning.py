"""Template tags of the audit programme page."""

from django import template

from zist.audits import services

register = template.Library()


@register.simple_tag(takes_context=True)
def may_plan_audits(context, programme) -> bool:
    """Whether the page's user may add audits on some unit of the programme."""
    user = context["request"].user
    return bool(services.units_open_for_audit(user, services.programme_units(programme)))
