from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.documents import views

app_name = "documents"
urlpatterns = [
    path(
        "documentversions/<int:pk>/step/<slug:step>/",
        views.version_step,
        name="documentversion_step",
    ),
    path(
        "documentversions/<int:pk>/acknowledge/",
        views.acknowledge,
        name="documentversion_acknowledge",
    ),
    path("documentversions/<int:pk>/review/", views.review, name="documentversion_review"),
    path("documentversions/<int:pk>/file/", views.version_file, name="documentversion_file"),
    path("documents/<int:pk>/revise/", views.new_revision, name="document_revise"),
    path("public/", views.public_list, name="public_list"),
    path("public/<int:pk>/", views.public_detail, name="public_detail"),
    path("public/<int:pk>/file/", views.public_file, name="public_file"),
    *app_urlpatterns("documents"),
]
