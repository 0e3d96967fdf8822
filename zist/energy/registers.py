from zist.core.registry import Register, register
from zist.energy.filters import BaselineFilterSet, DegreeDaysFilterSet
from zist.energy.forms import BaselineForm, DegreeDaysForm
from zist.energy.models import Baseline, DegreeDays
from zist.energy.tables import BaselineTable, DegreeDaysTable


@register
class DegreeDaysRegister(Register):
    model = DegreeDays
    form = DegreeDaysForm
    filterset = DegreeDaysFilterSet
    table = DegreeDaysTable
    menu_group = "monitoring"
    slug = "degree-days"

    natural_key = ("unit", "period_start")


@register
class BaselineRegister(Register):
    model = Baseline
    form = BaselineForm
    filterset = BaselineFilterSet
    table = BaselineTable
    menu_group = "monitoring"
    detail_template = "energy/baseline_extra.html"
