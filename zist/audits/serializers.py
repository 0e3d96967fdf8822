from rest_framework import serializers

from zist.audits.forms import scope_errors
from zist.audits.models import Audit, Finding
from zist.core.api import ZistModelSerializer


class AuditSerializer(ZistModelSerializer):
    class Meta:
        model = Audit
        fields = [
            "id",
            "display",
            "programme",
            "unit",
            "title",
            "kind",
            "scope_units",
            "clauses",
            "criteria",
            "lead_auditor",
            "team",
            "external_auditors",
            "auditees",
            "start_date",
            "end_date",
            "status",
            "summary",
            "strengths",
            "conclusion",
            "created",
            "last_updated",
        ]

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = self.instance

        def current(name, many=False):
            if name in attrs:
                return attrs[name]
            if instance is None:
                return [] if many else None
            value = getattr(instance, name)
            return list(value.all()) if many else value

        errors = scope_errors(
            current("unit"),
            current("scope_units", many=True),
            current("lead_auditor"),
            current("team", many=True),
            current("kind"),
        )
        if errors:
            raise serializers.ValidationError({"non_field_errors": errors})
        return attrs


class FindingSerializer(ZistModelSerializer):
    class Meta:
        model = Finding
        fields = [
            "id",
            "display",
            "audit",
            "unit",
            "clause",
            "grade",
            "statement",
            "evidence",
            "nonconformity",
            "created",
            "last_updated",
        ]
        read_only_fields = ["nonconformity"]


class PlannedAuditSerializer(serializers.Serializer):
    """One audit of a programme's risk-based plan."""

    unit = serializers.IntegerField(source="unit.pk")
    unit_display = serializers.CharField(source="unit")
    start_date = serializers.DateField()
    interval_months = serializers.IntegerField(source="interval")
    significant_aspects = serializers.IntegerField()
    nonconformities = serializers.IntegerField(source="findings")
    last_audit = serializers.DateField(allow_null=True)
    next_due = serializers.DateField(allow_null=True)
    overdue = serializers.BooleanField()
    reason = serializers.CharField()


class LeftOutSerializer(serializers.Serializer):
    """A unit of the programme the plan creates no audit for."""

    unit = serializers.IntegerField(source="unit.pk")
    unit_display = serializers.CharField(source="unit")
    code = serializers.ChoiceField(choices=["after_period", "already_planned", "not_permitted"])
    reason = serializers.CharField()
    next_due = serializers.DateField(allow_null=True)


class RiskPlanSerializer(serializers.Serializer):
    """The audits a programme's period calls for by each unit's risk-based interval."""

    period_start = serializers.DateField(source="start")
    period_end = serializers.DateField(source="last_day")
    planned = PlannedAuditSerializer(many=True)
    left_out = LeftOutSerializer(many=True)
