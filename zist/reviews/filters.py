from zist.core.filters import ZistFilterSet
from zist.reviews.models import ManagementReview


class ManagementReviewFilterSet(ZistFilterSet):
    search_fields = ("title", "conclusions", "decisions", "participants")

    class Meta:
        model = ManagementReview
        fields = ["unit", "status", "meeting_date"]
