from zist.actions.models import Action
from zist.core.forms import ZistModelForm


class ActionForm(ZistModelForm):
    class Meta:
        model = Action
        fields = [
            "unit",
            "title",
            "description",
            "kind",
            "owner",
            "due_date",
            "status",
            "progress",
            "completed_on",
        ]
