import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.core.filters import ZistFilterSet
from zist.obligations.models import FAILING_RESULTS, ComplianceEvaluation, Obligation


class ObligationFilterSet(ZistFilterSet):
    search_fields = ("reference", "title", "source", "requirement")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue"))
    failing = django_filters.BooleanFilter(method="filter_failing", label=_("Not compliant"))

    class Meta:
        model = Obligation
        fields = ["unit", "kind", "owner", "active", "last_result", "next_evaluation_due"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        late = queryset.overdue(timezone.localdate())
        return late if value else queryset.exclude(pk__in=late.values("pk"))

    def filter_failing(self, queryset, name, value):
        if value is None:
            return queryset
        failing = {"active": True, "last_result__in": FAILING_RESULTS}
        return queryset.filter(**failing) if value else queryset.exclude(**failing)


class ComplianceEvaluationFilterSet(ZistFilterSet):
    search_fields = ("obligation__reference", "obligation__title", "notes")

    class Meta:
        model = ComplianceEvaluation
        fields = ["obligation", "unit", "result", "evaluator", "evaluated_on"]
