from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.suppliers.models import Supplier


def due_items(user, until):
    """Supplier evaluations due by `until`, for the contract manager or, without one,
    the leader and representative of the contracting unit."""
    mine = (
        Q(owner=user)
        | Q(unit__leader=user, owner__isnull=True)
        | Q(unit__representative=user, owner__isnull=True)
    )
    suppliers = (
        Supplier.objects.restrict(user, "view")
        .filter(mine, next_evaluation__lte=until)
        .select_related("unit")
    )
    for supplier in suppliers:
        yield DueItem(
            key=f"supplier-evaluation:{supplier.pk}:{supplier.next_evaluation.isoformat()}",
            title=supplier.name,
            due=supplier.next_evaluation,
            kind=_("Supplier evaluation"),
            url=supplier.get_absolute_url(),
            unit=str(supplier.unit),
        )
