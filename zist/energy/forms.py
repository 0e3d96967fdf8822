from zist.core.forms import ZistModelForm
from zist.energy.models import Baseline, DegreeDays


class DegreeDaysForm(ZistModelForm):
    class Meta:
        model = DegreeDays
        fields = ["unit", "period_start", "period_end", "mean_temperature", "hdd"]


class BaselineForm(ZistModelForm):
    class Meta:
        model = Baseline
        fields = [
            "unit",
            "name",
            "energy",
            "driver",
            "base_temperature",
            "baseline_start",
            "baseline_end",
            "report_start",
            "report_end",
        ]
