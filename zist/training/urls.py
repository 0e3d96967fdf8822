from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.training import views

app_name = "training"
urlpatterns = [
    path("needs/", views.needs, name="needs"),
    path("needs/enrol/", views.bulk_enrol, name="bulk_enrol"),
    *app_urlpatterns("training"),
]
