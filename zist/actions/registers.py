from django.utils.translation import gettext_lazy as _

from zist.actions.filters import ActionFilterSet
from zist.actions.forms import ActionForm
from zist.actions.models import Action
from zist.actions.serializers import ActionSerializer
from zist.actions.tables import ActionTable
from zist.core.registry import Register, register


@register
class ActionRegister(Register):
    model = Action
    grows = True
    form = ActionForm
    filterset = ActionFilterSet
    table = ActionTable
    serializer = ActionSerializer
    menu_group = "improvement"
    labels = {"source": _("Source record")}
    detail_fields = [
        "title",
        "kind",
        "unit",
        "owner",
        "due_date",
        "status",
        "progress",
        "completed_on",
        "source",
        "description",
    ]
