from rest_framework import serializers

from zist.certification.models import Certificate
from zist.core.api import ZistModelSerializer


class CertificateSerializer(ZistModelSerializer):
    next_audit = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = [
            "id",
            "display",
            "unit",
            "body",
            "standard",
            "number",
            "scope",
            "first_certified",
            "decision_date",
            "issue_date",
            "expiry_date",
            "status",
            "next_audit",
            "created",
            "last_updated",
        ]

    def get_next_audit(self, obj) -> dict | None:
        milestone = obj.next_milestone()
        if milestone is None:
            return None
        return {
            "milestone": milestone.key,
            "kind": milestone.audit_kind,
            "opens": milestone.opens.isoformat(),
            "deadline": milestone.deadline.isoformat(),
        }
