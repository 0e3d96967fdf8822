from rest_framework import serializers

from zist.aspects.models import (
    Aspect,
)
from zist.core.api import ZistModelSerializer

COMMON = ["id", "display", "created", "last_updated"]


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
