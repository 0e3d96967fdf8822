from django import template

from zist.indicators.charts import figure as figure_text

register = template.Library()


@register.filter
def figure(value) -> str:
    """A figure rounded for reading (fewer decimals for bigger numbers), grouped, in
    the user's digits; "—" when there is none."""
    return figure_text(value)
