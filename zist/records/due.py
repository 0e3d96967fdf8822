from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.records.models import Record


def due_items(user, until):
    """Records whose retention ends by `until` and that wait for a decision, for the
    leader and the representative of their unit."""
    records = (
        Record.objects.restrict(user, "view")
        .awaiting_decision(until)
        .filter(Q(unit__leader=user) | Q(unit__representative=user))
        .select_related("unit")
    )
    for record in records:
        yield DueItem(
            key=f"record-retention:{record.pk}:{record.retain_until.isoformat()}",
            title=record.title,
            due=record.retain_until,
            kind=_("Retention decision"),
            url=record.get_absolute_url(),
            unit=str(record.unit),
        )
