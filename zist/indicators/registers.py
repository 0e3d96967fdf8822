from zist.core.registry import Register, register
from zist.indicators.api import IndicatorViewSet
from zist.indicators.filters import (
    IndicatorFilterSet,
    IndicatorValueFilterSet,
    MonitoringSettingsFilterSet,
)
from zist.indicators.forms import IndicatorForm, IndicatorValueForm, MonitoringSettingsForm
from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings
from zist.indicators.serializers import (
    IndicatorValueSerializer,
)
from zist.indicators.tables import IndicatorTable, IndicatorValueTable, MonitoringSettingsTable


@register
class IndicatorRegister(Register):
    model = Indicator
    form = IndicatorForm
    filterset = IndicatorFilterSet
    table = IndicatorTable
    viewset = IndicatorViewSet
    menu_group = "monitoring"
    detail_template = "indicators/indicator_extra.html"

    natural_key = ("unit", "code")


@register
class IndicatorValueRegister(Register):
    model = IndicatorValue
    form = IndicatorValueForm
    filterset = IndicatorValueFilterSet
    table = IndicatorValueTable
    serializer = IndicatorValueSerializer
    menu_group = "monitoring"
    slug = "values"
    detail_fields = [
        "indicator",
        "unit",
        "period_start",
        "period_end",
        "value",
        "value_unit",
        "normalised",
        "note",
    ]

    natural_key = ("indicator", "unit", "period_start")


@register
class MonitoringSettingsRegister(Register):
    model = MonitoringSettings
    form = MonitoringSettingsForm
    filterset = MonitoringSettingsFilterSet
    table = MonitoringSettingsTable
    menu_group = "monitoring"
    slug = "settings"
