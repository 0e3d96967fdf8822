from django import forms
from django.utils.translation import gettext_lazy as _

from zist.communication.models import InquiryKind, Party
from zist.core.forms import ZistModelForm
from zist.publication.models import Statement, Theme


class StatementForm(ZistModelForm):
    class Meta:
        model = Statement
        fields = [
            "unit",
            "year",
            "title",
            "activities",
            "parent_organisation",
            "registration",
            "governance",
            "significance_method",
            "planned_actions",
            "omissions",
            "site_notes",
            "compliance_statement",
            "verifier_name",
            "verifier_accreditation",
            "next_statement_on",
            "change_note",
        ]


class ThemeForm(ZistModelForm):
    class Meta:
        model = Theme
        fields = [
            "unit",
            "key",
            "name",
            "name_en",
            "name_fa",
            "name_da",
            "name_fi",
            "order",
            "headline",
            "indicators",
            "goal",
            "includes",
            "better_percent",
            "worse_percent",
            "manual_status",
        ]


class ValidateForm(forms.Form):
    declaration = forms.CharField(
        label=_("Declaration"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_(
            "The verifier's signed declaration on the verification and validation "
            "activities (EMAS Annex VII)."
        ),
    )


class CorrectForm(forms.Form):
    change_note = forms.CharField(
        label=_("What the new version corrects"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )


class InquiryForm(forms.Form):
    """A citizen's inquiry from the portal. `website` is a trap left empty by people
    (hidden from them) and filled by robots; `token` is the signed time the form was
    shown."""

    kind = forms.ChoiceField(label=_("Kind"), choices=InquiryKind.choices)
    party = forms.ChoiceField(label=_("You write as"), choices=Party.choices)
    name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    contact = forms.CharField(
        label=_("How we can answer you"),
        max_length=200,
        help_text=_("E-mail, phone or address."),
    )
    subject = forms.CharField(label=_("Subject"), max_length=300)
    text = forms.CharField(label=_("Your message"), widget=forms.Textarea, max_length=5000)
    website = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)
    token = forms.CharField(widget=forms.HiddenInput, max_length=200)
