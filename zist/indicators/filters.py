from zist.core.filters import ZistFilterSet
from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings


class IndicatorFilterSet(ZistFilterSet):
    search_fields = ("code", "name", "name_en", "name_fa", "name_da", "name_fi")

    class Meta:
        model = Indicator
        fields = ["unit", "category", "source", "aggregation", "direction", "emas_core"]


class IndicatorValueFilterSet(ZistFilterSet):
    search_fields = ("indicator__code", "indicator__name", "note")

    class Meta:
        model = IndicatorValue
        fields = ["indicator", "unit", "period_start"]


class MonitoringSettingsFilterSet(ZistFilterSet):
    search_fields = ("unit__name", "grid_region")

    class Meta:
        model = MonitoringSettings
        fields = ["unit", "gwp_set", "grid_region"]
