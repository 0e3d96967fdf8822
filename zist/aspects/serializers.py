from rest_framework import serializers

from zist.aspects.models import (
    Activity,
    Aspect,
    CriteriaSet,
    Criterion,
    Impact,
    OverrideRule,
)
from zist.core.api import ZistModelSerializer

COMMON = ["id", "display", "created", "last_updated"]


class CriteriaSetSerializer(ZistModelSerializer):
    class Meta:
        model = CriteriaSet
        fields = [*COMMON, "unit", "name", "method", "threshold", "description"]


class CriterionSerializer(ZistModelSerializer):
    class Meta:
        model = Criterion
        fields = [
            *COMMON,
            "criteria_set",
            "code",
            "name",
            "minimum",
            "maximum",
            "weight",
            "scale",
            "order",
        ]


class OverrideRuleSerializer(ZistModelSerializer):
    class Meta:
        model = OverrideRule
        fields = [*COMMON, "criteria_set", "kind", "condition", "criterion", "minimum"]


class ActivitySerializer(ZistModelSerializer):
    class Meta:
        model = Activity
        fields = [*COMMON, "unit", "code", "name", "description"]


class AspectSerializer(ZistModelSerializer):
    # Written through /api/aspects/impacts/; listed here so a reader of an aspect sees
    # its impacts without a second request.
    impacts = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Aspect
        fields = [
            *COMMON,
            "activity",
            "name",
            "impacts",
            "condition",
            "life_cycle_stage",
            "control",
            "obligations",
            "controls",
            "criteria_set",
            "scores",
            "score",
            "significant",
            "significance_basis",
            "significance_reason",
        ]


class ImpactSerializer(ZistModelSerializer):
    class Meta:
        model = Impact
        fields = [*COMMON, "aspect", "category", "description", "effect"]
