from zist.core.api import ZistModelSerializer
from zist.meters.models import Reading


class ReadingSerializer(ZistModelSerializer):
    class Meta:
        model = Reading
        fields = [
            "id",
            "display",
            "meter",
            "timestamp",
            "value",
            "quality",
            "restart",
            "source",
            "batch",
            "consumption",
            "interval_start",
            "flag",
            "created",
            "last_updated",
        ]
        read_only_fields = ["batch", "consumption", "interval_start", "flag"]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if "meter" in fields and request is not None:
            from zist.core.forms import scope_choices

            units = scope_choices(Reading, request.user, "add")
            fields["meter"].queryset = fields["meter"].queryset.filter(unit__in=units)
        return fields
