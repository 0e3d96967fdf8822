from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.gaps import views

app_name = "gaps"
urlpatterns = app_urlpatterns("gaps") + [
    path("assessments/<int:pk>/answer/", views.answer_page, name="assessment_answer"),
    path("assessments/<int:pk>/pack/", views.pack_build, name="assessment_pack"),
    path("packs/<int:pk>/download/", views.pack_download, name="pack_download"),
]
