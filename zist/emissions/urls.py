from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.emissions import views

app_name = "emissions"
urlpatterns = [
    path("inventory/", views.inventory, name="inventory"),
    *app_urlpatterns("emissions"),
]
