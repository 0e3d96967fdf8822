from zist.core.tables import Table
from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings


class IndicatorTable(Table):
    model = Indicator
    columns = ["code", "name", "category", "measure_unit", "source", "unit", "emas_core"]


class IndicatorValueTable(Table):
    model = IndicatorValue
    columns = [
        "indicator",
        "unit",
        "period_start",
        "period_end",
        "value",
        "value_unit",
        "normalised",
    ]


class MonitoringSettingsTable(Table):
    model = MonitoringSettings
    columns = ["unit", "gwp_set", "grid_region", "emas_reference", "population"]
