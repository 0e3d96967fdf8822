from zist.audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from zist.core.filters import ZistFilterSet


class AuditProgrammeFilterSet(ZistFilterSet):
    search_fields = ("title", "objectives")

    class Meta:
        model = AuditProgramme
        fields = ["unit", "year"]


class AuditFilterSet(ZistFilterSet):
    search_fields = ("title", "criteria", "summary", "auditees", "external_auditors")

    class Meta:
        model = Audit
        fields = ["programme", "unit", "kind", "status", "lead_auditor", "start_date"]


class ChecklistItemFilterSet(ZistFilterSet):
    search_fields = ("question", "notes")

    class Meta:
        model = ChecklistItem
        fields = ["audit", "clause", "result"]


class FindingFilterSet(ZistFilterSet):
    search_fields = ("statement", "evidence")

    class Meta:
        model = Finding
        fields = ["audit", "unit", "clause", "grade"]
