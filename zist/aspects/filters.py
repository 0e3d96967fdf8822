import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from zist.aspects.models import (
    Activity,
    Aspect,
    CriteriaSet,
    Criterion,
    Impact,
    ImpactCategory,
    OverrideRule,
)
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


def _has_impact(**lookup) -> Exists:
    # "id", not "pk": lists as of a past date filter historical rows, whose pk is
    # history_id. A subquery, not a join, so an aspect with two matching impacts is
    # listed once.
    return Exists(Impact.objects.filter(aspect=OuterRef("id"), **lookup))


class AspectFilterSet(ZistFilterSet):
    search_fields = ("name", "activity__name", "controls")
    impact_category = django_filters.ChoiceFilter(
        choices=ImpactCategory.choices,
        method="filter_impact_category",
        label=_("Impact on"),
    )

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
            "impact_category",
        ]

    def filter_impact_category(self, queryset, name, value):
        return queryset.filter(_has_impact(category=value)) if value else queryset

    def search(self, queryset, name, value):
        """Also finds an aspect by the words of its impacts."""
        value = value.strip()
        if not value:
            return queryset
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value})
        return queryset.filter(query | Q(_has_impact(description__icontains=value)))


class ImpactFilterSet(ZistFilterSet):
    search_fields = ("description", "aspect__name", "aspect__activity__name")

    class Meta:
        model = Impact
        fields = ["category", "effect", "aspect__activity__unit", "aspect__activity", "aspect"]
