from zist.actions.models import Action
from zist.core.api import ZistModelSerializer


class ActionSerializer(ZistModelSerializer):
    class Meta:
        model = Action
        fields = [
            "id",
            "display",
            "unit",
            "title",
            "description",
            "kind",
            "owner",
            "due_date",
            "status",
            "progress",
            "completed_on",
            "source_type",
            "source_id",
            "created",
            "last_updated",
        ]
        read_only_fields = ["source_type", "source_id"]
