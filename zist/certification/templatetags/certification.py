from django import template

from zist.certification.views import cycle_rows

register = template.Library()


@register.filter
def certificate_cycle(certificate) -> list[dict]:
    return cycle_rows(certificate)
