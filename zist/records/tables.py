from zist.core.tables import Table
from zist.records.models import Record, RecordType


class RecordTypeTable(Table):
    model = RecordType
    columns = ["name", "clause", "retention_months", "unit"]


class RecordTable(Table):
    model = Record
    columns = [
        "title",
        "record_type",
        "unit",
        "record_date",
        "retain_until",
        "decision",
        "location",
    ]
