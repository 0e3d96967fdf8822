from django import forms
from django.utils.translation import gettext_lazy as _

from zist.audits import checklist as services_checklist
from zist.audits import services
from zist.audits.models import (
    EXTERNAL_KINDS,
    Audit,
    AuditProgramme,
    ChecklistItem,
    ChecklistResult,
    Finding,
    FindingGrade,
)
from zist.core.forms import ZistModelForm
from zist.organisations.models import Unit


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        item = self.instance
        if item.pk and item.clause_id and item.clause.library.builtin:
            # A built-in library's question is stored as its English source and
            # translated when read; the form would show (and store) that English text.
            del self.fields["question"]


class FindingForm(ZistModelForm):
    class Meta:
        model = Finding
        fields = ["audit", "unit", "clause", "grade", "statement", "evidence"]


class ChecklistAnswerForm(forms.Form):
    """One question of the checklist page: the result as radio buttons, the notes, and
    what the page showed (`seen_*`), so that only what the auditor changed is saved."""

    result = forms.ChoiceField(
        label=_("Result"),
        # The answers first, "not checked yet" (taking an answer back) last.
        choices=[c for c in ChecklistResult.choices if c[0]]
        + [c for c in ChecklistResult.choices if not c[0]],
        required=False,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    seen_result = forms.ChoiceField(
        choices=ChecklistResult.choices, required=False, widget=forms.HiddenInput
    )
    seen_notes = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *, item: ChecklistItem, **kwargs):
        shown = {"result": item.result, "notes": item.notes}
        initial = {**shown, **{f"seen_{name}": value for name, value in shown.items()}}
        super().__init__(data, prefix=f"item-{item.pk}", initial=initial, **kwargs)
        self.item = item

    @property
    def sent(self) -> bool:
        """Was this question on the page that was sent? A page shown before a question
        was added says nothing about it (and must not clear its answer)."""
        return self.is_bound and self.add_prefix("seen_result") in self.data

    def answer(self) -> services_checklist.Answer:
        data = self.cleaned_data
        return services_checklist.Answer(
            item=self.item.pk,
            result=data["result"],
            notes=data["notes"],
            seen_result=data["seen_result"],
            seen_notes=data["seen_notes"],
        )


class FindingFromAnswerForm(forms.Form):
    """A finding raised from a checklist answer: the audit and clause come from the
    answer, the statement starts as its notes."""

    grade = forms.ChoiceField(
        label=_("Grade"), choices=FindingGrade.choices, widget=forms.RadioSelect
    )
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    statement = forms.CharField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.CharField(
        label=_("Objective evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you saw, read or heard that shows it."),
    )

    def __init__(self, data=None, *, item: ChecklistItem, units, **kwargs):
        initial = {
            "grade": services_checklist.FINDING_RESULTS.get(item.result, ""),
            "statement": item.notes or item.display_question,
        }
        if len(units) == 1:
            initial["unit"] = units[0]
        super().__init__(data, initial=initial, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(pk__in=[unit.pk for unit in units])
