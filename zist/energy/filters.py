from zist.core.filters import ZistFilterSet
from zist.energy.models import Baseline, DegreeDays


class DegreeDaysFilterSet(ZistFilterSet):
    class Meta:
        model = DegreeDays
        fields = ["unit", "period_start"]


class BaselineFilterSet(ZistFilterSet):
    search_fields = ("name",)

    class Meta:
        model = Baseline
        fields = ["unit", "energy"]
