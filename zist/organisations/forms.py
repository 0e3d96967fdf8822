from django import forms
from django.utils.translation import gettext_lazy as _

from zist.core.forms import ZistModelForm, scope_choices
from zist.organisations.models import Organisation, Unit

LOGO_MAX_BYTES = 1024 * 1024


class OrganisationForm(ZistModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "language",
            "calendar",
            "year_start_month",
            "year_start_day",
            "time_zone",
            "currency",
            "description",
            "logo",
        ]

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        # Every PDF and statement page carries it inline (a data: URL): keep it small.
        if logo and getattr(logo, "size", 0) > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("The logo may be at most 1 MB."))
        return logo


class UnitForm(ZistModelForm):
    """A new unit is placed under a parent; an existing one is renamed here and moved or
    archived with their own actions, so the tree never changes by accident."""

    parent = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("Parent unit"))

    class Meta:
        model = Unit
        fields = ["parent", "name", "code", "kind", "leader", "representative", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["parent"]
        else:
            self.fields["parent"].queryset = scope_choices(Unit, self.user, "add")

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent") or (self.instance.parent if self.instance.pk else None)
        code = cleaned.get("code")
        if parent is not None and code:
            clash = Unit.objects.filter(organisation=parent.organisation, code=code)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("code", _("Another unit of this organisation has this code."))
        return cleaned

    def validate_unique(self):
        # Uniqueness of the code is checked in clean(): the organisation comes from the
        # parent and is not a field of this form.
        pass


class UnitMoveForm(forms.Form):
    parent = forms.ModelChoiceField(queryset=Unit.objects.none(), label=_("New parent unit"))

    def __init__(self, *args, unit: Unit, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = (
            scope_choices(Unit, user, "change")
            .filter(organisation=unit.organisation)
            .exclude(path__startswith=unit.path)
        )
