from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_bidi

from zist.improvement import services
from zist.improvement.valuestream import value_stream_svg

register = template.Library()


@register.simple_tag
def value_stream(review):
    """The review's value-stream summary (lead time, shares) and its SVG bar."""
    stream = services.value_stream(review)
    stream.svg = mark_safe(value_stream_svg(stream, get_language_bidi()))  # noqa: S308
    return stream
