from zist.core.api import ZistModelSerializer
from zist.nonconformities.models import Nonconformity


class NonconformitySerializer(ZistModelSerializer):
    class Meta:
        model = Nonconformity
        fields = [
            "id",
            "display",
            "unit",
            "title",
            "description",
            "grade",
            "source_kind",
            "source_type",
            "source_id",
            "reported_on",
            "reported_by",
            "status",
            "correction",
            "why_1",
            "why_2",
            "why_3",
            "why_4",
            "why_5",
            "cause_category",
            "root_cause",
            "check_due",
            "checked_by",
            "checked_on",
            "effectiveness",
            "effectiveness_notes",
            "closed_on",
            "created",
            "last_updated",
        ]
        read_only_fields = ["source_type", "source_id", "closed_on"]
