from zist.core.tables import Table
from zist.meters.models import ImportSource, Meter, Reading


class MeterTable(Table):
    model = Meter
    columns = ["code", "name", "unit", "carrier", "kind", "measure_unit", "interval", "active"]


class ReadingTable(Table):
    model = Reading
    # Newest first, from the `meters_reading_list_order` index: the model's own order
    # (by meter, i.e. by unit path and meter code, a join) sorted every reading of an
    # administrator's list, millions at national size.
    default_ordering = ("-timestamp", "-pk")
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
