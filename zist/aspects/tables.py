from zist.aspects.models import (
    Activity,
    Aspect,
    CriteriaSet,
    Criterion,
    Impact,
    OverrideRule,
)
from zist.core.tables import Column, Table


class CriteriaSetTable(Table):
    model = CriteriaSet
    columns = ["name", "unit", "method", "threshold"]


class CriterionTable(Table):
    model = Criterion
    columns = ["name", "code", "criteria_set", "minimum", "maximum", "weight", "order"]


class OverrideRuleTable(Table):
    model = OverrideRule
    columns = [Column("kind", link=True), "criteria_set", "condition", "criterion", "minimum"]


class ActivityTable(Table):
    model = Activity
    columns = ["name", "code", "unit"]


class AspectTable(Table):
    model = Aspect
    columns = [
        "name",
        "activity",
        "activity__unit",
        "condition",
        "control",
        "score",
        "significant",
        "significance_basis",
    ]


class ImpactTable(Table):
    model = Impact
    columns = [
        "description",
        "category",
        "effect",
        "aspect",
        "aspect__activity__unit",
    ]
