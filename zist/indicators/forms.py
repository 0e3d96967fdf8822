from zist.core.forms import ZistModelForm
from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings


class IndicatorForm(ZistModelForm):
    class Meta:
        model = Indicator
        fields = [
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
        ]


class IndicatorValueForm(ZistModelForm):
    class Meta:
        model = IndicatorValue
        fields = ["indicator", "unit", "period_start", "period_end", "value", "value_unit", "note"]


class MonitoringSettingsForm(ZistModelForm):
    class Meta:
        model = MonitoringSettings
        fields = ["unit", "gwp_set", "grid_region", "emas_reference", "population"]
