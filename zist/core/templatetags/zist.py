"""Template filters for values in the user's calendar and digits."""

from django import template

from zist.core import calendars, numbers
from zist.core.display import display as display_value

register = template.Library()


@register.filter
def zdate(value) -> str:
    """A date in the user's calendar and digits."""
    return calendars.format_date(value)


@register.filter
def zdatetime(value) -> str:
    return calendars.format_datetime(value)


@register.filter
def znum(value, decimals=None) -> str:
    """A number with the language's separators (CLDR) in the user's digits:
    `{{ x|znum }}` with the decimals the value carries (no float noise, no trailing
    zeros), `{{ x|znum:2 }}` with two."""
    if value is None or value == "":
        return ""
    try:
        return numbers.format_number(value, None if decimals in (None, "") else int(decimals))
    except (ArithmeticError, ValueError, TypeError):
        return calendars.localize_digits(str(value))


@register.filter
def zdigits(value) -> str:
    """Any text with its digits in the user's digit set."""
    return calendars.localize_digits(str(value))


@register.filter
def entry(mapping, key: str):
    """`mapping[key]` or None: `{{ row.items }}` on a dict would call `dict.items`."""
    return mapping.get(key) if isinstance(mapping, dict) else getattr(mapping, key, None)


@register.filter
def zdisplay(value) -> str:
    return display_value(value)


@register.simple_tag(takes_context=True)
def query_with(context, query: str, **kwargs) -> str:
    """The current list query string with some parameters replaced."""
    from django.http import QueryDict

    params = QueryDict(query, mutable=True)
    for key, value in kwargs.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag(takes_context=True)
def members(context, unit):
    """The people of `unit` the page's user may see (an owner's choices on a page)."""
    return unit.members.all().restrict(context["request"].user, "view")
