from django.urls import path

from zist.aspects.views import AspectMapView
from zist.core.registry import app_urlpatterns

app_name = "aspects"
urlpatterns = [
    path("aspects/map/", AspectMapView.as_view(), name="aspect_map"),
    *app_urlpatterns("aspects"),
]
