from zist.core.api import ZistModelSerializer
from zist.indicators.models import IndicatorValue


class IndicatorValueSerializer(ZistModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = [
            "id",
            "display",
            "indicator",
            "unit",
            "period_start",
            "period_end",
            "value",
            "value_unit",
            "normalised",
            "note",
            "created",
            "last_updated",
        ]
        read_only_fields = ["normalised"]
