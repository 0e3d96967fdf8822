from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.nonconformities import views

app_name = "nonconformities"
urlpatterns = app_urlpatterns("nonconformities") + [
    path(
        "nonconformities/<int:pk>/actions/add/",
        views.add_action,
        name="nonconformity_add_action",
    ),
    path(
        "nonconformities/<int:pk>/effectiveness/",
        views.record_effectiveness,
        name="nonconformity_effectiveness",
    ),
]
