from zist.core.registry import Register, register
from zist.emissions.filters import EmissionFactorFilterSet, InstrumentFilterSet
from zist.emissions.forms import EmissionFactorForm, InstrumentForm
from zist.emissions.models import EmissionFactor, Instrument
from zist.emissions.serializers import EmissionFactorSerializer
from zist.emissions.tables import EmissionFactorTable, InstrumentTable


@register
class EmissionFactorRegister(Register):
    model = EmissionFactor
    form = EmissionFactorForm
    filterset = EmissionFactorFilterSet
    table = EmissionFactorTable
    serializer = EmissionFactorSerializer
    menu_group = "monitoring"
    slug = "factors"
    detail_fields = [
        "carrier",
        "gas",
        "value",
        "factor_unit",
        "conversion",
        "region",
        "valid_from",
        "source",
        "unit",
    ]


@register
class InstrumentRegister(Register):
    model = Instrument
    form = InstrumentForm
    filterset = InstrumentFilterSet
    table = InstrumentTable
    menu_group = "monitoring"
