from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.reviews import views

app_name = "reviews"
urlpatterns = app_urlpatterns("reviews") + [
    path("reviews/<int:pk>/minutes/", views.minutes, name="managementreview_minutes"),
    path("reviews/<int:pk>/record/", views.record, name="managementreview_record"),
    path("reviews/<int:pk>/decisions/", views.add_decision, name="managementreview_decision"),
]
