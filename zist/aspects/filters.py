from zist.aspects.models import Activity, Aspect, CriteriaSet, Criterion, OverrideRule
from zist.core.filters import ZistFilterSet


class CriteriaSetFilterSet(ZistFilterSet):
    search_fields = ("name", "description")

    class Meta:
        model = CriteriaSet
        fields = ["unit", "method"]


class CriterionFilterSet(ZistFilterSet):
    search_fields = ("code", "name")

    class Meta:
        model = Criterion
        fields = ["criteria_set"]


class OverrideRuleFilterSet(ZistFilterSet):
    class Meta:
        model = OverrideRule
        fields = ["criteria_set", "kind", "condition"]


class ActivityFilterSet(ZistFilterSet):
    search_fields = ("code", "name", "description")

    class Meta:
        model = Activity
        fields = ["unit"]


class AspectFilterSet(ZistFilterSet):
    search_fields = ("name", "impact", "activity__name", "controls")

    class Meta:
        model = Aspect
        fields = [
            "activity",
            "activity__unit",
            "condition",
            "life_cycle_stage",
            "control",
            "significant",
            "significance_basis",
            "criteria_set",
            "obligations",
        ]
