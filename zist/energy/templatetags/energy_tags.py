from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def baseline_analysis(context, baseline):
    """The baseline's regression, savings and CUSUM as the viewing user may see them."""
    from zist.energy.analysis import analyse

    return analyse(context["request"].user, baseline)
