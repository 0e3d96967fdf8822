from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.improvement import views

app_name = "improvement"
urlpatterns = app_urlpatterns("improvement") + [
    path("findings/<int:pk>/accept/", views.accept_finding, name="finding_accept"),
    path("ideas/<int:pk>/accept/", views.accept_idea, name="idea_accept"),
    path("totals/", views.totals, name="totals"),
]
