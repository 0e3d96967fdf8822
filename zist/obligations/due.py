import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.obligations.models import Obligation, ObligationKind


def due_items(user, until: dt.date):
    """Compliance evaluations falling due, and permits expiring, by `until`, for the
    obligation's owner or (without an owner) the unit's leader and representative."""
    mine = (
        Q(owner=user)
        | Q(unit__leader=user, owner__isnull=True)
        | Q(unit__representative=user, owner__isnull=True)
    )
    visible = Obligation.objects.restrict(user, "view").filter(mine, active=True)
    for obligation in visible.filter(next_evaluation_due__lte=until).select_related("unit"):
        yield DueItem(
            key=f"obligation-evaluation:{obligation.pk}:{obligation.next_evaluation_due}",
            title=str(obligation),
            due=obligation.next_evaluation_due,
            kind=_("Compliance evaluation"),
            url=obligation.get_absolute_url(),
            unit=str(obligation.unit),
        )
    permits = visible.filter(kind=ObligationKind.PERMIT, expires_on__lte=until)
    for obligation in permits.select_related("unit"):
        yield DueItem(
            key=f"permit-expiry:{obligation.pk}:{obligation.expires_on}",
            title=str(obligation),
            due=obligation.expires_on,
            kind=_("Permit expires"),
            url=obligation.get_absolute_url(),
            unit=str(obligation.unit),
        )
