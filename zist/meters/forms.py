from django import forms
from django.utils.translation import gettext_lazy as _

from zist.core import numbers
from zist.core.forms import ZistModelForm, scope_choices
from zist.meters.models import ImportSource, Meter, Reading


class MeterForm(ZistModelForm):
    class Meta:
        model = Meter
        fields = [
            "unit",
            "code",
            "name",
            "carrier",
            "kind",
            "measure_unit",
            "interval",
            "rollover",
            "indicator",
            "active",
            "note",
        ]


class ReadingForm(ZistModelForm):
    class Meta:
        model = Reading
        fields = ["meter", "timestamp", "value", "quality", "restart", "source"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        # A reading may only be placed on a meter where the user may add readings.
        action = "change" if self.instance.pk else "add"
        units = scope_choices(Reading, user, action)
        self.fields["meter"].queryset = self.fields["meter"].queryset.filter(unit__in=units)


class ImportSourceForm(ZistModelForm):
    class Meta:
        model = ImportSource
        fields = [
            "unit",
            "name",
            "meter_column",
            "timestamp_column",
            "value_column",
            "quality_column",
            "decimal_comma",
        ]


class ReadingImportForm(forms.Form):
    """Upload a file of readings; columns come from a remembered source or are typed."""

    unit = forms.ModelChoiceField(queryset=None, label=_("Into the meters of"))
    source = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Source (remembers the columns)")
    )
    new_source = forms.CharField(
        required=False,
        max_length=100,
        label=_("…or name a new source to remember these columns"),
    )
    meter_column = forms.CharField(required=False, label=_("Meter column"))
    timestamp_column = forms.CharField(required=False, label=_("Time column"))
    value_column = forms.CharField(required=False, label=_("Value column"))
    quality_column = forms.CharField(required=False, label=_("Quality column"))
    decimal_comma = forms.BooleanField(required=False, label=_("Decimal comma (1234,5)"))
    file = forms.FileField(label=_("File (CSV or XLSX)"))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = scope_choices(Reading, user, "add")
        self.fields["source"].queryset = ImportSource.objects.restrict(user, "view")
        # Files from a Danish or Finnish spreadsheet write decimals with a comma.
        self.fields["decimal_comma"].initial = numbers.convention().decimal == ","

    def mapping(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            key: data[f"{key}_column"]
            for key in ("meter", "timestamp", "value", "quality")
            if data.get(f"{key}_column")
        }
