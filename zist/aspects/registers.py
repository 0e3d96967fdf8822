from django.utils.translation import gettext_lazy as _

from zist.aspects import services
from zist.aspects.api import AspectViewSet
from zist.aspects.filters import (
    ActivityFilterSet,
    AspectFilterSet,
    CriteriaSetFilterSet,
    CriterionFilterSet,
    ImpactFilterSet,
    OverrideRuleFilterSet,
)
from zist.aspects.forms import (
    ActivityForm,
    AspectForm,
    CriteriaSetForm,
    CriterionForm,
    ImpactForm,
    OverrideRuleForm,
)
from zist.aspects.models import Activity, Aspect, CriteriaSet, Criterion, Impact, OverrideRule
from zist.aspects.serializers import (
    AspectSerializer,
)
from zist.aspects.tables import (
    ActivityTable,
    AspectTable,
    CriteriaSetTable,
    CriterionTable,
    ImpactTable,
    OverrideRuleTable,
)
from zist.core.registry import Register, register
from zist.core.related import Related


class ReevaluatingRegister(Register):
    """A register of significance criteria data: every change re-evaluates the aspects
    scored with that criteria set (their history keeps the previous evaluation)."""

    menu_group = "planning"

    @staticmethod
    def criteria_set_of(obj) -> CriteriaSet:
        return obj if isinstance(obj, CriteriaSet) else obj.criteria_set

    @classmethod
    def saved(cls, obj, before, request):
        services.reevaluate_set(cls.criteria_set_of(obj))
        return obj

    @classmethod
    def delete(cls, obj, request) -> None:
        criteria_set = cls.criteria_set_of(obj)
        obj.delete()
        if criteria_set.pk:
            services.reevaluate_set(criteria_set)


@register
class CriteriaSetRegister(ReevaluatingRegister):
    model = CriteriaSet
    form = CriteriaSetForm
    filterset = CriteriaSetFilterSet
    table = CriteriaSetTable
    detail_template = "aspects/criteriaset_extra.html"
    related = [
        Related("criteria", columns=("code", "name", "minimum", "maximum", "weight"), add=True),
        Related("rules", label=_("Override rules"), add=True),
    ]


@register
class CriterionRegister(ReevaluatingRegister):
    model = Criterion
    form = CriterionForm
    filterset = CriterionFilterSet
    table = CriterionTable
    slug = "criteria"


@register
class OverrideRuleRegister(ReevaluatingRegister):
    model = OverrideRule
    form = OverrideRuleForm
    filterset = OverrideRuleFilterSet
    table = OverrideRuleTable


@register
class ActivityRegister(Register):
    model = Activity
    form = ActivityForm
    filterset = ActivityFilterSet
    table = ActivityTable
    menu_group = "planning"
    slug = "activities"
    related = [Related("aspects", columns=("name", "condition", "score", "significant"), add=True)]
    natural_key = ("unit", "code__iexact")


@register
class AspectRegister(Register):
    model = Aspect
    form = AspectForm
    filterset = AspectFilterSet
    table = AspectTable
    serializer = AspectSerializer
    viewset = AspectViewSet
    menu_group = "planning"
    detail_template = "aspects/aspect_extra.html"
    related = [Related("impacts", columns=("description", "category", "effect"), add=True)]
    labels = {"scores_text": _("Scores")}
    detail_fields = [
        "name",
        "activity",
        "activity__unit",
        "condition",
        "life_cycle_stage",
        "control",
        "obligations",
        "controls",
        "criteria_set",
        "scores_text",
        "score",
        "significant",
        "significance_basis",
        "significance_reason",
    ]
    natural_key = ("activity", "name")

    @classmethod
    def write(cls, obj, before, request, many):
        # Score and significance are derived from the values about to be stored (the
        # obligations too) and written with them: one history row per save.
        if obj.criteria_set_id is None:
            obj.criteria_set = services.criteria_set_for(obj.activity.unit)
        services.apply_evaluation(obj, many.get("obligations"))
        return super().write(obj, before, request, many)


@register
class ImpactRegister(Register):
    model = Impact
    form = ImpactForm
    filterset = ImpactFilterSet
    table = ImpactTable
    menu_group = "planning"
    detail_fields = [
        "aspect",
        "aspect__activity",
        "aspect__activity__unit",
        "category",
        "description",
        "effect",
    ]
    # One aspect may have several impacts on the same part of the environment (dust and
    # exhaust gases on the air): the wording tells them apart.
    natural_key = ("aspect", "category", "description")
