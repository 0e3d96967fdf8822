from zist.core.api import ZistModelSerializer
from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings


class IndicatorSerializer(ZistModelSerializer):
    class Meta:
        model = Indicator
        fields = [
            "id",
            "display",
            "unit",
            "code",
            "name",
            "name_en",
            "name_fa",
            "name_da",
            "name_fi",
            "category",
            "measure_unit",
            "aggregation",
            "direction",
            "frequency",
            "source",
            "formula",
            "emas_core",
            "in_green_accounts",
            "target_value",
            "target_year",
            "description",
            "created",
            "last_updated",
        ]


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


class MonitoringSettingsSerializer(ZistModelSerializer):
    class Meta:
        model = MonitoringSettings
        fields = [
            "id",
            "display",
            "unit",
            "gwp_set",
            "grid_region",
            "emas_reference",
            "population",
            "created",
            "last_updated",
        ]
