from zist.core.tables import Table
from zist.meters.models import ImportSource, Meter, Reading


class MeterTable(Table):
    model = Meter
    columns = ["code", "name", "unit", "carrier", "kind", "measure_unit", "interval", "active"]


class ReadingTable(Table):
    model = Reading
    columns = [
        "meter",
        "timestamp",
        "value",
        "quality",
        "consumption",
        "flag",
        "meter__unit",
        "source",
    ]


class ImportSourceTable(Table):
    model = ImportSource
    columns = ["name", "unit", "meter_column", "timestamp_column", "value_column"]
