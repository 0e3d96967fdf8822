from zist.core.tables import Table
from zist.gaps.models import Answer, Assessment, EvidenceLink, Pack


class AssessmentTable(Table):
    model = Assessment
    columns = ["title", "unit", "library", "assessed_on"]


class AnswerTable(Table):
    model = Answer
    columns = ["requirement", "assessment", "status", "maturity"]


class EvidenceLinkTable(Table):
    model = EvidenceLink
    columns = ["answer", "target_type", "target_id", "suggested"]


class PackTable(Table):
    model = Pack
    columns = ["created", "assessment", "purpose", "audit", "requested_by", "state", "files"]
