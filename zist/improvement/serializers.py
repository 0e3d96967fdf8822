from zist.core.api import ZistModelSerializer
from zist.improvement.models import Finding, Idea


class IdeaSerializer(ZistModelSerializer):
    class Meta:
        model = Idea
        fields = [
            "id",
            "display",
            "unit",
            "title",
            "description",
            "source",
            "submitted_by",
            "submitter_name",
            "submitted_on",
            "status",
            "rejection_reason",
            "action",
            "created",
            "last_updated",
        ]
        read_only_fields = ["action"]


class FindingSerializer(ZistModelSerializer):
    class Meta:
        model = Finding
        fields = [
            "id",
            "display",
            "review",
            "step",
            "title",
            "waste",
            "lane",
            "resource",
            "lost_quantity",
            "lost_unit",
            "root_cause",
            "improvement",
            "saving_money",
            "saving_kwh",
            "saving_m3",
            "saving_tco2e",
            "status",
            "action",
            "indicator",
            "before_start",
            "before_end",
            "after_start",
            "after_end",
            "verified_before",
            "verified_after",
            "verified_saving",
            "created",
            "last_updated",
        ]
        read_only_fields = ["action", "verified_before", "verified_after", "verified_saving"]
