from django.db.models import Q

from zist.actions.models import Action
from zist.core.due import DueItem


def due_items(user, until):
    """Open actions the user owns, or that sit on a unit the user leads or represents,
    due by `until`."""
    mine = (
        Q(owner=user)
        | Q(unit__leader=user, owner__isnull=True)
        | Q(unit__representative=user, owner__isnull=True)
    )
    actions = (
        Action.objects.restrict(user, "view")
        .open()
        .filter(mine, due_date__lte=until)
        .select_related("unit")
    )
    for action in actions:
        yield DueItem(
            key=f"action:{action.pk}:{action.due_date.isoformat()}",
            title=action.title,
            due=action.due_date,
            kind=str(action.get_kind_display()),
            url=action.get_absolute_url(),
            unit=str(action.unit),
        )
