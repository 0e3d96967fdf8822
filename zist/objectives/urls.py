from django.urls import path

from zist.actions.models import ActionKind
from zist.actions.registers import ActionRegister
from zist.core.registry import app_urlpatterns
from zist.objectives.models import Programme
from zist.risks.views import SourcedActionCreateView

app_name = "objectives"
urlpatterns = [
    path(
        "programmes/<int:source_pk>/tasks/add/",
        SourcedActionCreateView.as_view(
            register=ActionRegister, source_model=Programme, kind=ActionKind.TASK
        ),
        name="programme_task_add",
    ),
    *app_urlpatterns("objectives"),
]
