from django.db.models import Q

from zist.core.forms import ZistModelForm
from zist.suppliers.models import Evaluation, Supplier


class SupplierForm(ZistModelForm):
    class Meta:
        model = Supplier
        fields = [
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Offer the significant aspects (and keep any already linked).
        linked = self.instance.aspects.all() if self.instance.pk else []
        aspects = self.fields["aspects"]
        aspects.queryset = aspects.queryset.filter(Q(significant=True) | Q(pk__in=linked))


class EvaluationForm(ZistModelForm):
    class Meta:
        model = Evaluation
        fields = ["supplier", "date", "score", "findings", "evaluator"]
