from zist.core.tables import Table
from zist.suppliers.models import Evaluation, Supplier


class SupplierTable(Table):
    model = Supplier
    columns = ["name", "kind", "status", "unit", "owner", "next_evaluation"]


class EvaluationTable(Table):
    model = Evaluation
    columns = ["supplier", "date", "score", "evaluator"]
