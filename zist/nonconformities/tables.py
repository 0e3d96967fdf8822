from zist.core.tables import Table
from zist.nonconformities.models import Nonconformity


class NonconformityTable(Table):
    model = Nonconformity
    columns = ["title", "unit", "grade", "source_kind", "status", "reported_on", "closed_on"]
