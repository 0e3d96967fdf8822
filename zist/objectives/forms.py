from zist.core.forms import ZistModelForm
from zist.objectives.models import Objective, Programme


class ObjectiveForm(ZistModelForm):
    class Meta:
        model = Objective
        fields = [
            "unit",
            "code",
            "statement",
            "scope",
            "aspects",
            "indicator",
            "measure_unit",
            "baseline_value",
            "baseline_year",
            "target_value",
            "current_value",
            "current_on",
            "start",
            "deadline",
            "owner",
        ]


class ProgrammeForm(ZistModelForm):
    class Meta:
        model = Programme
        fields = [
            "unit",
            "name",
            "objectives",
            "description",
            "owner",
            "status",
            "start",
            "end",
            "budget",
            "spent",
        ]
