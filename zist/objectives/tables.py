from django.utils.translation import gettext_lazy as _

from zist.core.tables import Column, Table
from zist.objectives.models import Objective, Programme


class ObjectiveTable(Table):
    model = Objective
    columns = [
        "code",
        "statement",
        "unit",
        "scope",
        "baseline_value",
        "target_value",
        "current_value",
        "measure_unit",
        "deadline",
        Column("progress", verbose_name=_("Progress (%)"), orderable=False),
        Column("status_label", verbose_name=_("Status"), orderable=False),
    ]


class ProgrammeTable(Table):
    model = Programme
    columns = ["name", "unit", "status", "start", "end", "budget", "spent", "owner"]
    # Budget and spending are shown in their organisation's currency decimals.
    prefetch = ("unit__organisation",)
