from zist.core.api import ZistModelSerializer
from zist.suppliers.models import Evaluation, Supplier


class SupplierSerializer(ZistModelSerializer):
    class Meta:
        model = Supplier
        fields = [
            "id",
            "display",
            "unit",
            "name",
            "kind",
            "services",
            "contact_name",
            "email",
            "phone",
            "environmental_requirements",
            "status",
            "owner",
            "aspects",
            "staff",
            "evaluation_interval_months",
            "next_evaluation",
        ]


class EvaluationSerializer(ZistModelSerializer):
    class Meta:
        model = Evaluation
        fields = ["id", "display", "supplier", "date", "score", "findings", "evaluator"]
