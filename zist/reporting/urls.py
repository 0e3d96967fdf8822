from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.reporting import views

app_name = "reporting"
urlpatterns = [
    path("submissions/<int:pk>/figures/", views.figures, name="figures"),
    path("submissions/<int:pk>/step/", views.step, name="step"),
    path("submissions/<int:pk>/upload/", views.upload, name="upload"),
    path("programmes/<int:pk>/invite/", views.invite, name="invite"),
    path("programmes/<int:pk>/benchmark/", views.benchmark_page, name="benchmark"),
    *app_urlpatterns("reporting"),
]
