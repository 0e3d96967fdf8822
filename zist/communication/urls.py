from django.urls import path

from zist.communication import views
from zist.core.registry import app_urlpatterns

app_name = "communication"
urlpatterns = [
    path("representatives/", views.representatives, name="representatives"),
    *app_urlpatterns("communication"),
]
