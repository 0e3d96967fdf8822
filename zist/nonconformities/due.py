from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.nonconformities.models import Nonconformity


def due_items(user, until):
    """Effectiveness checks due on open nonconformities of units the user leads or
    represents, or that the user reported."""
    mine = Q(unit__leader=user) | Q(unit__representative=user) | Q(reported_by=user)
    found = (
        Nonconformity.objects.restrict(user, "view")
        .open()
        .filter(mine, check_due__lte=until)
        .select_related("unit")
    )
    for nc in found:
        yield DueItem(
            key=f"nonconformity:{nc.pk}:{nc.check_due.isoformat()}",
            title=nc.title,
            due=nc.check_due,
            kind=_("Effectiveness check"),
            url=nc.get_absolute_url(),
            unit=str(nc.unit),
        )
