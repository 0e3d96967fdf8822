from zist.core.tables import Table
from zist.energy.models import Baseline, DegreeDays


class DegreeDaysTable(Table):
    model = DegreeDays
    columns = ["unit", "period_start", "period_end", "mean_temperature", "hdd"]


class BaselineTable(Table):
    model = Baseline
    columns = ["name", "unit", "energy", "baseline_start", "baseline_end", "report_start"]
