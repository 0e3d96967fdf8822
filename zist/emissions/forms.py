from zist.core.forms import ZistModelForm
from zist.emissions.models import EmissionFactor, Instrument


class EmissionFactorForm(ZistModelForm):
    class Meta:
        model = EmissionFactor
        fields = [
            "unit",
            "carrier",
            "gas",
            "value",
            "factor_unit",
            "conversion",
            "region",
            "valid_from",
            "source",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Shipped defaults have no unit; people's own factors always do.
        self.fields["unit"].required = True


class InstrumentForm(ZistModelForm):
    class Meta:
        model = Instrument
        fields = [
            "unit",
            "year",
            "kind",
            "carrier",
            "quantity",
            "quantity_unit",
            "factor",
            "factor_unit",
            "reference",
        ]
