from django.db.models import Q

from zist.communication.models import Inquiry
from zist.core.due import DueItem


def due_items(user, until):
    """Unanswered inquiries and complaints due by `until` (overdue ones included) for
    their owner, or without an owner for the leader and representative of their unit."""
    mine = (
        Q(owner=user)
        | Q(unit__leader=user, owner__isnull=True)
        | Q(unit__representative=user, owner__isnull=True)
    )
    inquiries = (
        Inquiry.objects.restrict(user, "view")
        .open()
        .filter(mine, answer_due__lte=until)
        .select_related("unit")
    )
    for inquiry in inquiries:
        yield DueItem(
            key=f"inquiry:{inquiry.pk}:{inquiry.answer_due.isoformat()}",
            title=inquiry.subject,
            due=inquiry.answer_due,
            kind=str(inquiry.get_kind_display()),
            url=inquiry.get_absolute_url(),
            unit=str(inquiry.unit),
        )
