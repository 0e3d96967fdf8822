from zist.audits import services
from zist.audits.api import AuditProgrammeViewSet
from zist.audits.filters import (
    AuditFilterSet,
    AuditProgrammeFilterSet,
    ChecklistItemFilterSet,
    FindingFilterSet,
)
from zist.audits.forms import AuditForm, AuditProgrammeForm, ChecklistItemForm, FindingForm
from zist.audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from zist.audits.serializers import (
    AuditProgrammeSerializer,
    AuditSerializer,
    ChecklistItemSerializer,
    FindingSerializer,
)
from zist.audits.tables import AuditProgrammeTable, AuditTable, ChecklistItemTable, FindingTable
from zist.core.registry import Register, register


@register
class AuditProgrammeRegister(Register):
    model = AuditProgramme
    form = AuditProgrammeForm
    filterset = AuditProgrammeFilterSet
    table = AuditProgrammeTable
    serializer = AuditProgrammeSerializer
    menu_group = "check"
    slug = "programmes"
    detail_template = "audits/programme_extra.html"
    viewset = AuditProgrammeViewSet
    natural_key = ("unit", "year")


@register
class AuditRegister(Register):
    model = Audit
    form = AuditForm
    filterset = AuditFilterSet
    table = AuditTable
    serializer = AuditSerializer
    menu_group = "check"
    detail_template = "audits/audit_extra.html"

    @classmethod
    def saved(cls, audit, request):
        services.generate_checklist(audit)
        return audit


@register
class ChecklistItemRegister(Register):
    model = ChecklistItem
    form = ChecklistItemForm
    filterset = ChecklistItemFilterSet
    table = ChecklistItemTable
    serializer = ChecklistItemSerializer
    # Reached from its audit's checklist, not from the menu.
    menu_group = "none"
    slug = "checklist-items"
    # The question is shown by the template, translated when it is a built-in one.
    detail_fields = ["audit", "clause", "position", "result", "notes"]
    detail_template = "audits/checklist_item_extra.html"


@register
class FindingRegister(Register):
    model = Finding
    form = FindingForm
    filterset = FindingFilterSet
    table = FindingTable
    serializer = FindingSerializer
    menu_group = "check"
    detail_fields = ["audit", "unit", "clause", "grade", "statement", "evidence", "nonconformity"]

    @classmethod
    def saved(cls, finding, request):
        services.raise_nonconformity(finding, request.user)
        return finding
