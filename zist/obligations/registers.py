from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.obligations import services
from zist.obligations.filters import ComplianceEvaluationFilterSet, ObligationFilterSet
from zist.obligations.forms import ComplianceEvaluationForm, ObligationForm
from zist.obligations.models import ComplianceEvaluation, Obligation
from zist.obligations.serializers import ObligationSerializer
from zist.obligations.tables import ComplianceEvaluationTable, ObligationTable


def _obligation_saved(obligation: Obligation) -> Obligation:
    services.refresh(obligation)
    # Whether an obligation is legal and active decides the "applicable legal
    # obligation" override of the aspects it applies to.
    from zist.aspects.services import reevaluate

    reevaluate(obligation.aspects.all())
    return obligation


@register
class ObligationRegister(Register):
    model = Obligation
    form = ObligationForm
    filterset = ObligationFilterSet
    table = ObligationTable
    serializer = ObligationSerializer
    menu_group = "planning"
    detail_template = "obligations/obligation_extra.html"
    related = [
        Related(
            "evaluations",
            columns=("evaluated_on", "unit", "result", "evaluator"),
            add=True,
            add_with=("unit",),
        ),
        Related(
            "aspects",
            label=_("Environmental aspects it applies to"),
            columns=("name", "activity", "significant"),
        ),
    ]
    detail_fields = [
        "reference",
        "title",
        "kind",
        "unit",
        "source",
        "requirement",
        "applies_to",
        "owner",
        "frequency_months",
        "valid_from",
        "expires_on",
        "active",
        "last_evaluated_on",
        "last_result",
        "next_evaluation_due",
        "attention",
    ]

    @classmethod
    def saved(cls, obj, before, request):
        return _obligation_saved(obj)

    @classmethod
    def find_existing(cls, data: dict, user):
        """Re-importing the same references updates those obligations."""
        # Not a natural_key: the unit is optional and only narrows the search to its
        # organisation, and a reference that names several obligations updates none.
        reference = str(data.get("reference") or "").strip()
        if not reference:
            return None
        found = Obligation.objects.restrict(user, "change").filter(reference__iexact=reference)
        unit = str(data.get("unit") or "")
        if unit.isdigit():
            found = found.filter(unit__organisation__units=int(unit))
        return found.first() if found.count() == 1 else None


@register
class ComplianceEvaluationRegister(Register):
    model = ComplianceEvaluation
    grows = True
    form = ComplianceEvaluationForm
    filterset = ComplianceEvaluationFilterSet
    table = ComplianceEvaluationTable
    menu_group = "planning"
    detail_template = "obligations/complianceevaluation_extra.html"
    related = [
        Related(
            model="nonconformities.Nonconformity",
            generic="source",
            columns=("title", "status"),
            when=lambda evaluation: evaluation.is_failing,
        )
    ]
    # One evaluation per obligation, unit and day: re-importing updates it.
    natural_key = ("obligation", "unit", "evaluated_on")

    @classmethod
    def saved(cls, evaluation, before, request):
        services.refresh(evaluation.obligation)
        return evaluation

    @classmethod
    def delete(cls, obj, request) -> None:
        obligation = obj.obligation
        obj.delete()
        services.refresh(obligation)
