from django import template

from zist.awards import services
from zist.awards.models import Application, Round

register = template.Library()


@register.simple_tag(takes_context=True)
def assessment(context, application):
    """The aggregation of the assessors' scores for the awarding body; for the
    applicant only the published total and level."""
    user = context["request"].user
    body = Application.objects.restrict(user, "approve").filter(pk=application.pk).exists()
    return services.assess(application) if body else None


@register.simple_tag(takes_context=True)
def may_publish(context, round_) -> bool:
    user = context["request"].user
    return Round.objects.restrict(user, "approve").filter(pk=round_.pk).exists()
