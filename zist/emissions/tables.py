from zist.core.tables import Table
from zist.emissions.models import EmissionFactor, Instrument


class EmissionFactorTable(Table):
    model = EmissionFactor
    columns = [
        "carrier",
        "gas",
        "value",
        "factor_unit",
        "conversion",
        "region",
        "valid_from",
        "source",
    ]


class InstrumentTable(Table):
    model = Instrument
    columns = ["reference", "unit", "year", "kind", "quantity", "quantity_unit", "factor"]
