from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.meters import views

app_name = "meters"
urlpatterns = [
    path("readings/import/", views.import_readings, name="reading_upload"),
    path("readings/grid/", views.reading_grid, name="reading_grid"),
    *app_urlpatterns("meters"),
]
