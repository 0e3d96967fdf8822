from rest_framework import serializers

from zist.core.api import ZistModelSerializer
from zist.publication.models import Statement


class StatementSerializer(ZistModelSerializer):
    class Meta:
        model = Statement
        fields = [
            "id",
            "display",
            "unit",
            "year",
            "version",
            "previous",
            "status",
            "title",
            "activities",
            "parent_organisation",
            "registration",
            "governance",
            "significance_method",
            "planned_actions",
            "omissions",
            "site_notes",
            "compliance_statement",
            "verifier_name",
            "verifier_accreditation",
            "next_statement_on",
            "validated_on",
            "declaration",
            "published_at",
            "change_note",
        ]
        read_only_fields = ["version", "previous", "status", "validated_on", "declaration"]


class PublishedSerializer(serializers.ModelSerializer):
    """A published statement as anyone may read it."""

    organisation = serializers.IntegerField(source="unit.organisation_id")
    unit_name = serializers.CharField(source="unit.name")

    class Meta:
        model = Statement
        fields = [
            "id",
            "organisation",
            "unit",
            "unit_name",
            "year",
            "version",
            "status",
            "title",
            "published_at",
            "validated_on",
            "verifier_name",
            "verifier_accreditation",
            "change_note",
            "snapshot",
        ]
