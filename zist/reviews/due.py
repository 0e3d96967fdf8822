from django.db.models import Q
from django.utils.translation import gettext as _

from zist.core.due import DueItem
from zist.reviews.models import ManagementReview, ReviewStatus


def due_items(user, until):
    """Planned management reviews the user chairs, or of a unit the user leads or
    represents, by their meeting date."""
    mine = Q(chair=user) | Q(unit__leader=user) | Q(unit__representative=user)
    reviews = (
        ManagementReview.objects.restrict(user, "view")
        .filter(mine, status=ReviewStatus.PLANNED, meeting_date__lte=until)
        .select_related("unit")
    )
    for review in reviews:
        yield DueItem(
            key=f"review:{review.pk}:{review.meeting_date.isoformat()}",
            title=review.title,
            due=review.meeting_date,
            kind=_("Management review"),
            url=review.get_absolute_url(),
            unit=str(review.unit),
        )
