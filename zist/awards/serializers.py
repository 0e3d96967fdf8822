from rest_framework import serializers

from zist.awards.models import Application, Round, Score
from zist.core.api import ZistModelSerializer

STAMPS = ["created", "last_updated"]


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
