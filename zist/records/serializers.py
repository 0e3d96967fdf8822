from zist.core.api import ZistModelSerializer
from zist.records.models import Record


class RecordSerializer(ZistModelSerializer):
    class Meta:
        model = Record
        fields = [
            "id",
            "display",
            "unit",
            "record_type",
            "title",
            "reference",
            "record_date",
            "location",
            "retain_until",
            "decision",
            "keep_until",
            "decision_note",
            "decided_by",
            "decided_on",
            "created",
            "last_updated",
        ]
        read_only_fields = ["retain_until", "decided_by", "decided_on"]
