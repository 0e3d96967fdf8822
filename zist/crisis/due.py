from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.crisis.models import Drill, DrillStatus


def due_items(user, until):
    """Planned drills up to `until` (overdue ones included) for the people who run
    them: those who may change drills on the drill's unit."""
    drills = (
        Drill.objects.restrict(user, "change")
        .filter(status=DrillStatus.PLANNED, planned_on__lte=until)
        .select_related("unit")
    )
    for drill in drills:
        yield DueItem(
            key=f"crisis-drill:{drill.pk}:{drill.planned_on.isoformat()}",
            title=drill.title,
            due=drill.planned_on,
            kind=_("Drill"),
            url=drill.get_absolute_url(),
            unit=str(drill.unit),
        )
