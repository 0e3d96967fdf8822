from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.crisis import views

app_name = "crisis"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("office/", views.office, name="office"),
    path("training/", views.training_needs, name="training"),
    path("drills/trend/", views.drill_trend, name="drill_trend"),
    path("masterplans/<int:pk>/document/", views.plan_document, name="masterplan_document"),
    path("masterplans/<int:pk>/approve/", views.approve_plan, name="masterplan_approve"),
    path(
        "participants/<int:pk>/comparisons/",
        views.comparison_entry,
        name="participant_comparisons",
    ),
    *app_urlpatterns("crisis"),
]
