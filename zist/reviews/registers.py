from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.reviews.filters import ManagementReviewFilterSet
from zist.reviews.forms import ManagementReviewForm
from zist.reviews.models import ManagementReview
from zist.reviews.serializers import ManagementReviewSerializer
from zist.reviews.tables import ManagementReviewTable


@register
class ManagementReviewRegister(Register):
    model = ManagementReview
    form = ManagementReviewForm
    filterset = ManagementReviewFilterSet
    table = ManagementReviewTable
    serializer = ManagementReviewSerializer
    menu_group = "check"
    slug = "reviews"
    detail_template = "reviews/review_extra.html"
    related = [
        Related(
            model="actions.Action",
            generic="source",
            label=_("Decisions followed up as actions"),
            columns=("title", "owner", "due_date", "status"),
        )
    ]
    detail_fields = [
        "title",
        "unit",
        "period_start",
        "period_end",
        "meeting_date",
        "chair",
        "participants",
        "status",
        "resources",
        "conclusions",
        "decisions",
    ]
