from zist.core.api import ZistModelSerializer
from zist.reviews.models import ManagementReview


class ManagementReviewSerializer(ZistModelSerializer):
    class Meta:
        model = ManagementReview
        fields = [
            "id",
            "display",
            "unit",
            "title",
            "period_start",
            "period_end",
            "meeting_date",
            "chair",
            "participants",
            "status",
            "resources",
            "conclusions",
            "decisions",
            "inputs",
            "created",
            "last_updated",
        ]
        read_only_fields = ["status", "inputs"]
