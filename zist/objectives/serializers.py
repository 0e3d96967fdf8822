from rest_framework import serializers

from zist.core.api import ZistModelSerializer
from zist.objectives.models import Objective

COMMON = ["id", "display", "created", "last_updated"]


class ObjectiveSerializer(ZistModelSerializer):
    progress = serializers.DecimalField(
        max_digits=4, decimal_places=1, read_only=True, allow_null=True
    )
    status = serializers.CharField(read_only=True)

    class Meta:
        model = Objective
        fields = [
            *COMMON,
            "unit",
            "code",
            "statement",
            "scope",
            "aspects",
            "indicator",
            "measure_unit",
            "baseline_value",
            "baseline_year",
            "target_value",
            "current_value",
            "current_on",
            "current_source",
            "start",
            "deadline",
            "owner",
            "progress",
            "status",
        ]
        read_only_fields = ["current_source"]
