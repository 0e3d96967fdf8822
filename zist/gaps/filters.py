from zist.core.filters import ZistFilterSet
from zist.gaps.models import Answer, Assessment, EvidenceLink, Pack


class AssessmentFilterSet(ZistFilterSet):
    search_fields = ("title", "notes")

    class Meta:
        model = Assessment
        fields = ["unit", "library", "assessed_on"]


class AnswerFilterSet(ZistFilterSet):
    search_fields = ("notes", "reason", "requirement__number")

    class Meta:
        model = Answer
        fields = ["assessment", "requirement", "status"]


class EvidenceLinkFilterSet(ZistFilterSet):
    search_fields = ()

    class Meta:
        model = EvidenceLink
        fields = ["answer", "target_type", "suggested"]


class PackFilterSet(ZistFilterSet):
    search_fields = ("notes",)

    class Meta:
        model = Pack
        fields = ["assessment", "audit", "purpose", "state"]
