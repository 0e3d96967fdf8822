from rest_framework import serializers

from zist.core.api import ZistModelSerializer
from zist.reporting.models import Figure, Programme, Submission


class ProgrammeSerializer(ZistModelSerializer):
    class Meta:
        model = Programme
        fields = [
            "id",
            "display",
            "unit",
            "code",
            "name",
            "year",
            "period_start",
            "period_end",
            "due_date",
            "reference_name",
            "reference_unit",
            "change_threshold",
            "previous",
            "status",
            "description",
            "created",
            "last_updated",
        ]
        read_only_fields = ["period_start", "period_end"]


class SubmissionSerializer(ZistModelSerializer):
    class Meta:
        model = Submission
        fields = [
            "id",
            "display",
            "programme",
            "unit",
            "sector",
            "status",
            "reference_value",
            "comment",
            "review_comment",
            "submitted_at",
            "reviewed_at",
            "created",
            "last_updated",
        ]
        # The invitation fixes programme, organisation and sector; the workflow
        # (submit, accept, return) sets the rest.
        read_only_fields = [
            "programme",
            "unit",
            "sector",
            "status",
            "review_comment",
            "submitted_at",
            "reviewed_at",
        ]


class FigureSerializer(ZistModelSerializer):
    class Meta:
        model = Figure
        fields = [
            "id",
            "display",
            "submission",
            "kpi",
            "value",
            "entered_value",
            "entered_unit",
            "source",
            "source_indicator",
            "change_comment",
            "outlier_reason",
            "created",
            "last_updated",
        ]
        read_only_fields = ["entered_value", "source_indicator", "outlier_reason"]


class FigureInputSerializer(serializers.Serializer):
    """One figure sent machine to machine: the KPI's code, the value, optionally its
    unit (converted to the KPI's) and a comment on the change against last year."""

    kpi = serializers.CharField(max_length=40)
    value = serializers.DecimalField(max_digits=20, decimal_places=6)
    unit = serializers.CharField(max_length=40, required=False, allow_blank=True)
    comment = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    source = serializers.CharField(max_length=300, required=False, allow_blank=True)


class FiguresInputSerializer(serializers.Serializer):
    reference_value = serializers.DecimalField(
        max_digits=20, decimal_places=6, required=False, allow_null=True, min_value=0
    )
    figures = FigureInputSerializer(many=True, max_length=500)
    submit = serializers.BooleanField(default=False)


class ReviewSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=5000, required=False, allow_blank=True)


class InviteSerializer(serializers.Serializer):
    organisation = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    sector = serializers.CharField(max_length=20)
