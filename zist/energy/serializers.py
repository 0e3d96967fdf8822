from zist.core.api import ZistModelSerializer
from zist.energy.models import Baseline, DegreeDays


class DegreeDaysSerializer(ZistModelSerializer):
    class Meta:
        model = DegreeDays
        fields = [
            "id",
            "display",
            "unit",
            "period_start",
            "period_end",
            "mean_temperature",
            "hdd",
            "created",
            "last_updated",
        ]


class BaselineSerializer(ZistModelSerializer):
    class Meta:
        model = Baseline
        fields = [
            "id",
            "display",
            "unit",
            "name",
            "energy",
            "driver",
            "base_temperature",
            "baseline_start",
            "baseline_end",
            "report_start",
            "report_end",
            "created",
            "last_updated",
        ]
