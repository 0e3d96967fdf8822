from django import forms
from django.utils.translation import gettext_lazy as _

from zist.audits import services
from zist.audits.models import EXTERNAL_KINDS, Audit, AuditProgramme, ChecklistItem, Finding
from zist.core.forms import ZistModelForm


class AuditProgrammeForm(ZistModelForm):
    class Meta:
        model = AuditProgramme
        fields = ["unit", "year", "title", "objectives"]


def scope_errors(unit, scope_units, lead, team, kind=None) -> list[str]:
    """Scope units outside the audited unit, and team problems; shared by the form
    and the serializer so that pages and API apply the same rules."""
    scope = list(scope_units) or ([unit] if unit else [])
    errors = []
    if unit and any(not s.path.startswith(unit.path) for s in scope):
        errors.append(_("Every unit in scope must lie inside the audited unit."))
    errors += services.team_problems(scope, lead, team, external=kind in EXTERNAL_KINDS)
    return errors


class AuditForm(ZistModelForm):
    class Meta:
        model = Audit
        fields = [
            "programme",
            "unit",
            "title",
            "kind",
            "scope_units",
            "clauses",
            "criteria",
            "lead_auditor",
            "team",
            "external_auditors",
            "auditees",
            "start_date",
            "end_date",
            "status",
            "summary",
            "strengths",
            "conclusion",
        ]

    def clean(self):
        data = super().clean()
        for error in scope_errors(
            data.get("unit"),
            data.get("scope_units") or [],
            data.get("lead_auditor"),
            data.get("team") or [],
            data.get("kind"),
        ):
            self.add_error(None, error)
        return data


class ChecklistItemForm(ZistModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["audit", "clause", "question", "position", "result", "notes"]


class FindingForm(ZistModelForm):
    class Meta:
        model = Finding
        fields = ["audit", "unit", "clause", "grade", "statement", "evidence"]


class ChecklistAnswerForm(forms.ModelForm):
    """One row of the checklist page."""

    class Meta:
        model = ChecklistItem
        fields = ["result", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}
