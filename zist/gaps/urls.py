from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.gaps import views

app_name = "gaps"
urlpatterns = app_urlpatterns("gaps") + [
    path("assessments/<int:pk>/answer/", views.answer_page, name="assessment_answer"),
]
