from zist.core.api import ZistModelSerializer
from zist.meters.models import ImportSource, Meter, Reading


class MeterSerializer(ZistModelSerializer):
    class Meta:
        model = Meter
        fields = [
            "id",
            "display",
            "unit",
            "code",
            "name",
            "carrier",
            "kind",
            "measure_unit",
            "interval",
            "rollover",
            "indicator",
            "active",
            "note",
            "created",
            "last_updated",
        ]


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


class ImportSourceSerializer(ZistModelSerializer):
    class Meta:
        model = ImportSource
        fields = [
            "id",
            "display",
            "unit",
            "name",
            "meter_column",
            "timestamp_column",
            "value_column",
            "quality_column",
            "decimal_comma",
            "created",
            "last_updated",
        ]
