from zist.actions.models import Action
from zist.core.tables import Table


class ActionTable(Table):
    model = Action
    columns = ["title", "kind", "unit", "owner", "due_date", "status", "progress"]
