from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zist.audits import checklist, services
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
    AuditSerializer,
    FindingSerializer,
)
from zist.audits.tables import AuditProgrammeTable, AuditTable, ChecklistItemTable, FindingTable
from zist.core.registry import Register, register
from zist.core.related import Related


@register
class AuditProgrammeRegister(Register):
    model = AuditProgramme
    form = AuditProgrammeForm
    filterset = AuditProgrammeFilterSet
    table = AuditProgrammeTable
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
    related = [
        Related(
            "findings",
            columns=("grade", "statement", "unit", "clause__number", "nonconformity"),
            add=True,
            add_with=("unit",),
        ),
    ]

    @classmethod
    def saved(cls, audit, before, request):
        services.generate_checklist(audit)
        return audit


@register
class ChecklistItemRegister(Register):
    model = ChecklistItem
    form = ChecklistItemForm
    filterset = ChecklistItemFilterSet
    table = ChecklistItemTable
    # Reached from its audit's checklist, not from the menu.
    menu_group = "none"
    slug = "checklist-items"
    # The question is shown by the template, translated when it is a built-in one.
    detail_fields = ["audit", "clause", "position", "result", "notes"]
    detail_template = "audits/checklist_item_extra.html"

    @classmethod
    def write(cls, obj, before, request, many):
        reference = before or ChecklistItem()
        changed = [
            name for name in ("result", "notes") if getattr(obj, name) != getattr(reference, name)
        ]
        _check_recorder(obj.audit, request.user, changed)
        return super().write(obj, before, request, many)


def _check_recorder(audit, user, changed: list[str]) -> None:
    """Results and notes are the audit team's to record, on every surface (the
    checklist page, a checklist item's own page, the API, an import)."""
    if {"result", "notes"} & set(changed) and not checklist.may_record(user, audit):
        raise ValidationError(_("Only the audit team records this checklist."))


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
    def saved(cls, finding, before, request):
        services.raise_nonconformity(finding, request.user)
        return finding
