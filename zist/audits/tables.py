from django.utils.translation import gettext_lazy as _

from zist.audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from zist.core.tables import Column, Table


class AuditProgrammeTable(Table):
    model = AuditProgramme
    columns = ["title", "unit", "year"]


class AuditTable(Table):
    model = Audit
    columns = ["title", "unit", "kind", "start_date", "end_date", "lead_auditor", "status"]


class ChecklistItemTable(Table):
    model = ChecklistItem
    # The clause number, not the clause: its title would need the library (a query a row).
    columns = [
        # Built-in questions are translated when read (ChecklistItem.display_question).
        Column("display_question", verbose_name=_("Question"), orderable=False),
        "audit",
        Column("clause__display_number", verbose_name=_("Clause"), orderable=False),
        "result",
    ]
    prefetch = ("clause__library",)


class FindingTable(Table):
    model = Finding
    columns = [
        "statement",
        "grade",
        "unit",
        Column("clause__display_number", verbose_name=_("Clause"), orderable=False),
        "audit",
        "nonconformity",
    ]
