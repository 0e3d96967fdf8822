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
    IndicatorSerializer,
    IndicatorValueSerializer,
    MonitoringSettingsSerializer,
)
from zist.indicators.tables import IndicatorTable, IndicatorValueTable, MonitoringSettingsTable


@register
class IndicatorRegister(Register):
    model = Indicator
    form = IndicatorForm
    filterset = IndicatorFilterSet
    table = IndicatorTable
    serializer = IndicatorSerializer
    viewset = IndicatorViewSet
    menu_group = "monitoring"
    detail_template = "indicators/indicator_extra.html"

    @classmethod
    def find_existing(cls, data: dict, user):
        unit, code = data.get("unit"), data.get("code")
        if not unit or not code:
            return None
        return Indicator.objects.restrict(user, "change").filter(unit=unit, code=code).first()


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

    @classmethod
    def find_existing(cls, data: dict, user):
        keys = {k: data.get(k) for k in ("indicator", "unit", "period_start")}
        if not all(keys.values()):
            return None
        try:
            return IndicatorValue.objects.restrict(user, "change").filter(**keys).first()
        except (ValueError, TypeError):
            return None


@register
class MonitoringSettingsRegister(Register):
    model = MonitoringSettings
    form = MonitoringSettingsForm
    filterset = MonitoringSettingsFilterSet
    table = MonitoringSettingsTable
    serializer = MonitoringSettingsSerializer
    menu_group = "monitoring"
    slug = "settings"
