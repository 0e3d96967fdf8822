from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.documents import views

app_name = "documents"
urlpatterns = [
    path(
        "documentversions/<int:pk>/step/<slug:step>/",
        views.version_step,
        name="documentversion_step",
    ),
    path(
        "documentversions/<int:pk>/acknowledge/",
        views.acknowledge,
        name="documentversion_acknowledge",
    ),
    path("documents/<int:pk>/revise/", views.new_revision, name="document_revise"),
    *app_urlpatterns("documents"),
]
