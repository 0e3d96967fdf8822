from zist.audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from zist.core.tables import Table


class AuditProgrammeTable(Table):
    model = AuditProgramme
    columns = ["title", "unit", "year"]


class AuditTable(Table):
    model = Audit
    columns = ["title", "unit", "kind", "start_date", "end_date", "lead_auditor", "status"]


class ChecklistItemTable(Table):
    model = ChecklistItem
    columns = ["question", "audit", "clause", "result"]


class FindingTable(Table):
    model = Finding
    columns = ["statement", "grade", "unit", "clause", "audit", "nonconformity"]
