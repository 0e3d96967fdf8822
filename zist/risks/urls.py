from django.urls import path

from zist.actions.models import ActionKind
from zist.actions.registers import ActionRegister
from zist.core.registry import app_urlpatterns
from zist.risks.models import Risk
from zist.risks.views import SourcedActionCreateView

app_name = "risks"
urlpatterns = [
    path(
        "risks/<int:source_pk>/treatments/add/",
        SourcedActionCreateView.as_view(
            register=ActionRegister, source_model=Risk, kind=ActionKind.TREATMENT
        ),
        name="risk_treatment_add",
    ),
    *app_urlpatterns("risks"),
]
