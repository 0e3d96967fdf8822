from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.organisations import views

app_name = "organisations"
urlpatterns = [
    path("units/<int:pk>/move/", views.unit_move, name="unit_move"),
    path("units/<int:pk>/archive/", views.unit_archive, name="unit_archive"),
    *app_urlpatterns("organisations"),
]
