from django.urls import path

from zist.awards import views
from zist.core.registry import app_urlpatterns

app_name = "awards"
urlpatterns = [
    path("rounds/<int:pk>/publish/", views.publish, name="publish"),
    path("rounds/<int:pk>/results/", views.results, name="results"),
    *app_urlpatterns("awards"),
]
