from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.objectives import services
from zist.objectives.filters import ObjectiveFilterSet, ProgrammeFilterSet
from zist.objectives.forms import ObjectiveForm, ProgrammeForm
from zist.objectives.models import Objective, Programme
from zist.objectives.serializers import ObjectiveSerializer
from zist.objectives.tables import ObjectiveTable, ProgrammeTable


@register
class ObjectiveRegister(Register):
    model = Objective
    form = ObjectiveForm
    filterset = ObjectiveFilterSet
    table = ObjectiveTable
    serializer = ObjectiveSerializer
    menu_group = "planning"
    detail_template = "objectives/objective_extra.html"
    related = [
        Related("programmes", columns=("name", "status", "end"), add=True, add_with=("unit",))
    ]
    detail_fields = [
        "code",
        "statement",
        "unit",
        "scope",
        "aspects",
        "indicator",
        "measure_unit",
        "baseline_value",
        "baseline_year",
        "target_value",
        "current_value",
        "current_on",
        "current_source",
        "start",
        "deadline",
        "owner",
        "progress",
        "status_label",
    ]
    natural_key = ("unit", "code__iexact")

    @classmethod
    def write(cls, obj, before, request, many):
        """An objective linked to an indicator takes its current value from it, set
        before the one write (one history row)."""
        obj.assign(services.current_fields(obj))
        return super().write(obj, before, request, many)


@register
class ProgrammeRegister(Register):
    model = Programme
    form = ProgrammeForm
    filterset = ProgrammeFilterSet
    table = ProgrammeTable
    menu_group = "planning"
    detail_template = "objectives/programme_extra.html"
    related = [
        Related(
            model="actions.Action",
            generic="source",
            label=_("Tasks"),
            columns=("title", "owner", "due_date", "status", "progress"),
        )
    ]
    labels = {"budget_used": _("Budget used (%)"), "progress": _("Progress (%)")}
    detail_fields = [
        "name",
        "unit",
        "objectives",
        "description",
        "owner",
        "status",
        "start",
        "end",
        "budget",
        "spent",
        "budget_used",
        "progress",
    ]
