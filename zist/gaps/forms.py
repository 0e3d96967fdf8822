from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from zist.audits.models import Audit
from zist.core.forms import ZistModelForm
from zist.gaps.models import Answer, Assessment, EvidenceLink, Pack, PackPurpose, Status
from zist.gaps.services import FIELDS, Sent


class AssessmentForm(ZistModelForm):
    class Meta:
        model = Assessment
        fields = ["unit", "library", "title", "assessed_on", "period_start", "based_on", "notes"]


class AnswerForm(ZistModelForm):
    class Meta:
        model = Answer
        fields = ["assessment", "requirement", "status", "maturity", "reason", "notes"]


class EvidenceLinkForm(ZistModelForm):
    class Meta:
        model = EvidenceLink
        fields = ["answer", "target_type", "target_id"]


class PackForm(ZistModelForm):
    class Meta:
        model = Pack
        fields = ["assessment", "audit", "purpose", "notes"]


class AnswerPageForm(forms.Form):
    """One requirement on the assessment page: the status as radio buttons, maturity,
    the reason and notes, and what the page showed (`seen_*`), as the audit checklist."""

    status = forms.ChoiceField(
        label=_("Status"),
        # The answers first, "not assessed" (taking an answer back) last.
        choices=[c for c in Status.choices if c[0]] + [c for c in Status.choices if not c[0]],
        required=False,
        widget=forms.RadioSelect,
    )
    maturity = forms.TypedChoiceField(
        label=_("Maturity"), required=False, coerce=int, empty_value=None
    )
    reason = forms.CharField(
        label=_("Reason it does not apply"),
        required=False,
        strip=False,
        widget=forms.TextInput,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, strip=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    seen_status = forms.CharField(required=False, widget=forms.HiddenInput)
    seen_maturity = forms.CharField(required=False, widget=forms.HiddenInput)
    seen_reason = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    seen_notes = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *, answer: Answer, levels: int, **kwargs):
        shown = {name: getattr(answer, name) for name in FIELDS}
        shown["maturity"] = "" if answer.maturity is None else answer.maturity
        initial = {**shown, **{f"seen_{name}": value for name, value in shown.items()}}
        super().__init__(data, prefix=f"answer-{answer.pk}", initial=initial, **kwargs)
        self.answer = answer
        self.fields["maturity"].choices = [("", "–")] + [
            (level, str(level)) for level in range(1, levels + 1)
        ]
        if not levels:
            del self.fields["maturity"]
            del self.fields["seen_maturity"]

    @property
    def sent(self) -> bool:
        return self.is_bound and self.add_prefix("seen_status") in self.data

    def sent_answer(self) -> Sent:
        data = self.cleaned_data
        names = [name for name in FIELDS if name in self.fields]
        seen = {name: data[f"seen_{name}"] for name in names}
        if "maturity" in seen:
            seen["maturity"] = int(seen["maturity"]) if seen["maturity"].isdigit() else None
        return Sent(self.answer.pk, {name: data[name] for name in names}, seen)


class PackBuildForm(forms.Form):
    """The assessment page's pack button: the certification audit it is for, among
    the external surveillance and recertification audits the person may see of the
    assessed unit, its parents or its subtree."""

    audit = forms.ModelChoiceField(
        label=_("For the audit"), queryset=Audit.objects.none(), required=False
    )

    def __init__(self, *args, user, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audit"].queryset = audits_for(user, assessment)


def audits_for(user, assessment):
    """The surveillance and recertification audits a pack of `assessment` may be for:
    of the assessed unit, one above it or below it, or with it in their scope."""
    unit = assessment.unit
    above = [unit.path[:end] for end in range(unit.steplen, len(unit.path) + 1, unit.steplen)]
    return (
        Audit.objects.restrict(user, "view")
        .filter(kind__in=PackPurpose.values)
        .filter(
            models.Q(unit__path__in=above)
            | models.Q(unit__path__startswith=unit.path)
            | models.Q(scope_units=unit)
        )
        .distinct()
        .order_by("-start_date", "pk")
    )
