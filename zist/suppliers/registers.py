from zist.core.registry import Register, register
from zist.core.related import Related
from zist.suppliers import services
from zist.suppliers.filters import EvaluationFilterSet, SupplierFilterSet
from zist.suppliers.forms import EvaluationForm, SupplierForm
from zist.suppliers.models import Evaluation, Supplier
from zist.suppliers.tables import EvaluationTable, SupplierTable


@register
class SupplierRegister(Register):
    model = Supplier
    form = SupplierForm
    filterset = SupplierFilterSet
    table = SupplierTable
    menu_group = "operation"
    detail_template = "suppliers/supplier_extra.html"
    related = [Related("evaluations", columns=("date", "score", "evaluator"), add=True)]
    detail_fields = [
        "name",
        "kind",
        "status",
        "unit",
        "services",
        "contact_name",
        "email",
        "phone",
        "environmental_requirements",
        "owner",
        "aspects",
        "evaluation_interval_months",
        "next_evaluation",
    ]
    natural_key = ("unit", "name__iexact")


@register
class EvaluationRegister(Register):
    """Each saved or deleted evaluation updates its supplier's status and next date."""

    model = Evaluation
    form = EvaluationForm
    filterset = EvaluationFilterSet
    table = EvaluationTable
    menu_group = "operation"

    @classmethod
    def saved(cls, evaluation, before, request):
        services.apply_latest_evaluation(evaluation.supplier)
        return evaluation

    @classmethod
    def delete(cls, obj, request) -> None:
        supplier = obj.supplier
        obj.delete()
        services.apply_latest_evaluation(supplier)
