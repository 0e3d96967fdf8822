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

    DERIVED = ("criteria_set", "score", "significant", "significance_basis", "significance_reason")

    def validate(self, attrs):
        """The derived fields (criteria set when left empty, score, significance) are
        computed here, on the validated values, so the API's save writes the aspect once
        with them: one history row, as through the page."""
        from zist.aspects.services import apply_evaluation, criteria_set_for

        attrs = super().validate(attrs)
        aspect = Aspect.objects.get(pk=self.instance.pk) if self.instance else Aspect()
        for key, value in attrs.items():
            if key != "obligations":
                setattr(aspect, key, value)
        if aspect.criteria_set_id is None and aspect.activity_id is not None:
            aspect.criteria_set = criteria_set_for(aspect.activity.unit)
        if aspect.activity_id is not None:
            obligations = attrs.get("obligations")
            if obligations is None and self.instance is not None:
                obligations = list(self.instance.obligations.all())
            apply_evaluation(aspect, obligations or [])
        for name in self.DERIVED:
            attrs[name] = getattr(aspect, name)
        return attrs


class ImpactSerializer(ZistModelSerializer):
    class Meta:
        model = Impact
        fields = [*COMMON, "aspect", "category", "description", "effect"]
