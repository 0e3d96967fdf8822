from zist.core.forms import ZistModelForm
from zist.obligations.models import ComplianceEvaluation, Obligation


class ObligationForm(ZistModelForm):
    class Meta:
        model = Obligation
        fields = [
            "unit",
            "reference",
            "title",
            "kind",
            "source",
            "requirement",
            "applies_to",
            "owner",
            "frequency_months",
            "valid_from",
            "expires_on",
            "active",
        ]


class ComplianceEvaluationForm(ZistModelForm):
    class Meta:
        model = ComplianceEvaluation
        fields = ["obligation", "unit", "evaluated_on", "evaluator", "result", "notes"]
