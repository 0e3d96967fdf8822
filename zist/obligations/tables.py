from django.utils.translation import gettext_lazy as _

from zist.core.tables import Column, Table
from zist.obligations.models import ComplianceEvaluation, Obligation


class ObligationTable(Table):
    model = Obligation
    columns = [
        "reference",
        "title",
        "kind",
        "unit",
        "owner",
        "last_result",
        "next_evaluation_due",
        "expires_on",
        Column("attention", verbose_name=_("Attention"), orderable=False),
    ]


class ComplianceEvaluationTable(Table):
    model = ComplianceEvaluation
    columns = [
        Column("obligation", link=True),
        "unit",
        "evaluated_on",
        "evaluator",
        "result",
    ]
