"""The supplier page's list of staff with the training they have completed."""

from django import template
from django.db.models import Q
from django.utils import timezone

from zist.training.models import Attendance, Certificate, Enrolment

register = template.Library()


@register.simple_tag(takes_context=True)
def trained_staff(context, supplier) -> list[dict]:
    """Each staff member the user may see, with the attended sessions and valid
    certificates the user may see (a session of another unit is not named)."""
    from zist.training.models import Person

    user = context["request"].user
    today = timezone.localdate()
    people = Person.objects.restrict(user, "view").filter(suppliers=supplier).order_by("name")
    rows = []
    for person in people:
        attended = (
            Enrolment.objects.restrict(user, "view")
            .filter(person=person, attendance=Attendance.ATTENDED)
            .exclude(result="failed")
            .select_related("session", "session__course")
        )
        certificates = (
            Certificate.objects.restrict(user, "view")
            .filter(person=person)
            .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=today))
        )
        rows.append({"person": person, "attended": attended, "certificates": certificates})
    return rows
