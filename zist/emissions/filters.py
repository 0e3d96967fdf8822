from zist.core.filters import ZistFilterSet
from zist.emissions.models import EmissionFactor, Instrument


class EmissionFactorFilterSet(ZistFilterSet):
    search_fields = ("source", "region")

    class Meta:
        model = EmissionFactor
        fields = ["unit", "carrier", "gas", "region", "valid_from"]


class InstrumentFilterSet(ZistFilterSet):
    search_fields = ("reference",)

    class Meta:
        model = Instrument
        fields = ["unit", "year", "kind", "carrier"]
