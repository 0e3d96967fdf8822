from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zist.actions.models import ActionKind
from zist.core.forms import CalendarDateField, ZistModelForm
from zist.nonconformities.models import SOURCE_MODELS, Nonconformity


class NonconformityForm(ZistModelForm):
    class Meta:
        model = Nonconformity
        fields = [
            "unit",
            "title",
            "description",
            "grade",
            "source_kind",
            "source_type",
            "source_id",
            "reported_on",
            "reported_by",
            "status",
            "correction",
            "why_1",
            "why_2",
            "why_3",
            "why_4",
            "why_5",
            "cause_category",
            "root_cause",
            "check_due",
            "checked_by",
            "checked_on",
            "effectiveness",
            "effectiveness_notes",
        ]
        widgets = {"source_type": forms.HiddenInput, "source_id": forms.HiddenInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_type"].queryset = source_types()

    def clean(self):
        data = super().clean()
        source_type, source_id = data.get("source_type"), data.get("source_id")
        if bool(source_type) != bool(source_id):
            raise forms.ValidationError(_("A source needs both its type and its record."))
        if source_type:
            # Only link a record the user may see: the link shows its title.
            model = source_type.model_class()
            if (
                model is None
                or not model.objects.restrict(self.user, "view").filter(pk=source_id).exists()
            ):
                raise forms.ValidationError(_("The source record does not exist."))
        return data


def source_types():
    """Content types of the registers a nonconformity may come from (installed ones)."""
    labels = [label.split(".") for label in SOURCE_MODELS]
    query = Q(pk__in=[])
    for app_label, model in labels:
        query |= Q(app_label=app_label, model=model)
    return ContentType.objects.filter(query)


class ActionForNonconformityForm(forms.Form):
    """A correction or corrective action planned from the nonconformity's page."""

    title = forms.CharField(label=_("Title"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (ActionKind.CORRECTIVE, ActionKind.CORRECTIVE.label),
            (ActionKind.CORRECTION, ActionKind.CORRECTION.label),
        ],
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False)
    due_date = CalendarDateField(label=_("Due date"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        from zist.users.models import User

        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = User.objects.restrict(user, "view")


class EffectivenessForm(forms.Form):
    effective = forms.TypedChoiceField(
        label=_("Result"),
        choices=[("1", _("Effective: close")), ("0", _("Not effective: reopen"))],
        coerce=lambda v: v == "1",
    )
    notes = forms.CharField(label=_("Notes"), widget=forms.Textarea, required=False)
    on = CalendarDateField(label=_("Checked on"), required=False)
