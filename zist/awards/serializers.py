from rest_framework import serializers

from zist.awards.models import Application, Criterion, Round, Scheme, Score
from zist.core.api import ZistModelSerializer

STAMPS = ["created", "last_updated"]


class SchemeSerializer(ZistModelSerializer):
    class Meta:
        model = Scheme
        fields = [
            "id",
            "display",
            "unit",
            "code",
            "name",
            "total_points",
            "levels",
            "description",
            *STAMPS,
        ]


class CriterionSerializer(ZistModelSerializer):
    class Meta:
        model = Criterion
        fields = [
            "id",
            "display",
            "scheme",
            "parent",
            "code",
            "name",
            "kind",
            "points",
            "kpi_code",
            "rule",
            "order",
            *STAMPS,
        ]


class RoundSerializer(ZistModelSerializer):
    class Meta:
        model = Round
        fields = [
            "id",
            "display",
            "unit",
            "scheme",
            "name",
            "programme",
            "status",
            "spread_limit",
            *STAMPS,
        ]


class ApplicationSerializer(ZistModelSerializer):
    def get_fields(self):
        fields = super().get_fields()
        # Open rounds are announced to every organisation: any may apply.
        fields["round"].queryset = Round.objects.open_or(fields["round"].queryset)
        return fields

    class Meta:
        model = Application
        fields = [
            "id",
            "display",
            "round",
            "unit",
            "category",
            "evidence",
            "total",
            "level",
            "rank",
            *STAMPS,
        ]
        read_only_fields = ["total", "level", "rank"]


class ScoreSerializer(ZistModelSerializer):
    assessor = serializers.HiddenField(default=serializers.CurrentUserDefault())

    class Meta:
        model = Score
        fields = [
            "id",
            "display",
            "application",
            "criterion",
            "assessor",
            "consensus",
            "percent",
            "note",
            *STAMPS,
        ]
