from zist.core.filters import ZistFilterSet
from zist.suppliers.models import Evaluation, Supplier


class SupplierFilterSet(ZistFilterSet):
    search_fields = ("name", "services", "environmental_requirements", "contact_name")

    class Meta:
        model = Supplier
        fields = ["unit", "kind", "status", "owner", "aspects", "next_evaluation"]


class EvaluationFilterSet(ZistFilterSet):
    search_fields = ("supplier__name", "findings")

    class Meta:
        model = Evaluation
        fields = ["supplier", "evaluator", "date"]
