from zist.core.api import ZistModelSerializer
from zist.gaps.models import Answer, Assessment, EvidenceLink, Pack


class AssessmentSerializer(ZistModelSerializer):
    class Meta:
        model = Assessment
        fields = [
            "id",
            "display",
            "unit",
            "library",
            "title",
            "assessed_on",
            "period_start",
            "based_on",
            "notes",
        ]


class AnswerSerializer(ZistModelSerializer):
    class Meta:
        model = Answer
        fields = [
            "id",
            "display",
            "assessment",
            "requirement",
            "status",
            "maturity",
            "reason",
            "notes",
        ]


class EvidenceLinkSerializer(ZistModelSerializer):
    class Meta:
        model = EvidenceLink
        fields = ["id", "display", "answer", "target_type", "target_id", "suggested"]
        read_only_fields = ["suggested"]


class PackSerializer(ZistModelSerializer):
    class Meta:
        model = Pack
        fields = [
            "id",
            "display",
            "assessment",
            "audit",
            "purpose",
            "notes",
            "requested_by",
            "state",
            "built_at",
            "sha256",
            "requirements",
            "records",
            "files",
        ]
        read_only_fields = [
            "requested_by",
            "state",
            "built_at",
            "sha256",
            "requirements",
            "records",
            "files",
        ]
