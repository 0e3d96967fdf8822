import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.risks.models import Risk, RiskStatus


def due_items(user, until: dt.date):
    """Risks and opportunities due for review by `until`, for their owner or (without
    an owner) the unit's leader and representative."""
    mine = (
        Q(owner=user)
        | Q(unit__leader=user, owner__isnull=True)
        | Q(unit__representative=user, owner__isnull=True)
    )
    risks = (
        Risk.objects.restrict(user, "view")
        .filter(mine, review_on__lte=until)
        .exclude(status=RiskStatus.CLOSED)
        .select_related("unit")
    )
    for risk in risks:
        yield DueItem(
            key=f"risk-review:{risk.pk}:{risk.review_on.isoformat()}",
            title=risk.title,
            due=risk.review_on,
            kind=_("Risk review"),
            url=risk.get_absolute_url(),
            unit=str(risk.unit),
        )
