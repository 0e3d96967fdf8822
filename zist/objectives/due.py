import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.objectives import progress
from zist.objectives.models import Objective


def due_items(user, until: dt.date):
    """Objectives whose deadline falls by `until` and that are not achieved, for their
    owner or (without an owner) the unit's leader and representative."""
    mine = (
        Q(owner=user)
        | Q(unit__leader=user, owner__isnull=True)
        | Q(unit__representative=user, owner__isnull=True)
    )
    objectives = (
        Objective.objects.restrict(user, "view")
        .filter(mine, deadline__lte=until)
        .select_related("unit")
    )
    for objective in objectives:
        if objective.status == progress.ACHIEVED:
            continue
        yield DueItem(
            key=f"objective-deadline:{objective.pk}:{objective.deadline.isoformat()}",
            title=str(objective),
            due=objective.deadline,
            kind=_("Objective deadline"),
            url=objective.get_absolute_url(),
            unit=str(objective.unit),
        )
