from django.db.models import Q
from django.utils.translation import gettext as _

from zist.audits.models import Audit, AuditStatus
from zist.core.due import DueItem


def due_items(user, until):
    """Planned audits the user leads or is on the team of, or that audit a unit the
    user leads or represents, starting by `until`."""
    mine = Q(lead_auditor=user) | Q(team=user) | Q(unit__leader=user) | Q(unit__representative=user)
    audits = (
        Audit.objects.restrict(user, "view")
        .filter(mine, status=AuditStatus.PLANNED, start_date__lte=until)
        .select_related("unit")
        .distinct()
    )
    for audit in audits:
        yield DueItem(
            key=f"audit:{audit.pk}:{audit.start_date.isoformat()}",
            title=audit.title,
            due=audit.start_date,
            kind=_("Audit"),
            url=audit.get_absolute_url(),
            unit=str(audit.unit),
        )
