"""The next reading of a meter, typed on the meter's own page."""

from django import template
from django.utils import timezone

from zist.core.forms import scope_choices
from zist.meters.forms import ReadingForm
from zist.meters.models import Reading

register = template.Library()


@register.simple_tag(takes_context=True)
def next_reading_form(context, meter):
    """A reading form for `meter` (time now, in the user's calendar), or None when the
    user may not add readings to it. It posts to the reading register's add page, so
    the reading is checked and stored exactly as one typed there."""
    user = context["request"].user
    if not scope_choices(Reading, user, "add").filter(pk=meter.unit_id).exists():
        return None
    now = timezone.now().replace(second=0, microsecond=0)
    return ReadingForm(user=user, initial={"meter": meter.pk, "timestamp": now})
