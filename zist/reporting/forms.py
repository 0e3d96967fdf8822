from django import forms
from django.utils.translation import gettext_lazy as _

from zist.core.forms import NumberField, ZistModelForm
from zist.reporting.models import Figure, Kpi, Programme, Sector, Submission


class ProgrammeForm(ZistModelForm):
    class Meta:
        model = Programme
        fields = [
            "unit",
            "code",
            "name",
            "year",
            "due_date",
            "reference_name",
            "reference_unit",
            "change_threshold",
            "previous",
            "status",
            "description",
        ]


class SectorForm(ZistModelForm):
    class Meta:
        model = Sector
        fields = ["programme", "code", "name"]


class KpiForm(ZistModelForm):
    class Meta:
        model = Kpi
        fields = [
            "programme",
            "code",
            "name",
            "measure_unit",
            "required",
            "minimum",
            "maximum",
            "normalised",
            "direction",
            "order",
        ]


class SubmissionForm(ZistModelForm):
    """What the organisation writes on its submission (the workflow sets the rest)."""

    class Meta:
        model = Submission
        fields = ["reference_value", "comment"]


class FigureForm(ZistModelForm):
    class Meta:
        model = Figure
        fields = ["submission", "kpi", "value", "source", "change_comment"]


class FiguresForm(forms.Form):
    """All of a submission's figures on one page: a number per KPI (typed in any
    digits), optionally in another compatible unit, and a comment on the change."""

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission = submission
        self.kpis = list(submission.programme.kpis.all())
        figures = {f.kpi_id: f for f in submission.figures.all()}
        self.fields["reference_value"] = NumberField(
            label=_("Reference quantity (%(name)s, %(unit)s)")
            % {
                "name": submission.programme.reference_name,
                "unit": submission.programme.reference_unit,
            },
            required=False,
            initial=submission.reference_value,
        )
        for kpi in self.kpis:
            figure = figures.get(kpi.pk)
            self.fields[f"value_{kpi.pk}"] = NumberField(
                label=kpi.name, required=False, initial=figure.entered_value if figure else None
            )
            self.fields[f"unit_{kpi.pk}"] = forms.CharField(
                label=_("Unit"),
                max_length=40,
                required=False,
                initial=(figure.entered_unit if figure else "") or kpi.measure_unit,
            )
            self.fields[f"comment_{kpi.pk}"] = forms.CharField(
                label=_("Comment on the change against last year"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=figure.change_comment if figure else "",
            )

    def rows(self):
        return [
            {
                "kpi": kpi,
                "value": self[f"value_{kpi.pk}"],
                "unit": self[f"unit_{kpi.pk}"],
                "comment": self[f"comment_{kpi.pk}"],
            }
            for kpi in self.kpis
        ]


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Reviewer's comment"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InviteForm(forms.Form):
    """Whom the regulator asks to report. Every organisation that is not a regulator
    can be invited: their names are public, nothing else of them is shown. The name is
    typed, not chosen from a list: a national programme has thousands of them."""

    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        help_text=_("Its name as registered in Zist."),
    )
    sector = forms.ModelChoiceField(label=_("Sector"), queryset=None)

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.programme = programme
        self.fields["sector"].queryset = programme.sectors.all()

    def clean_organisation(self):
        from zist.organisations.models import Organisation, OrganisationKind

        name = self.cleaned_data["organisation"].strip()
        found = (
            Organisation._base_manager.exclude(kind=OrganisationKind.REGULATOR)
            .filter(name__iexact=name)
            .first()
        )
        if found is None:
            raise forms.ValidationError(_("No organisation of this name can be invited."))
        if self.programme.submissions.filter(unit__organisation=found).exists():
            raise forms.ValidationError(_("This organisation already reports to this programme."))
        return found
