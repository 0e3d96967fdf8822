from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.publication import views

app_name = "publication"
urlpatterns = [
    path("statements/<int:pk>/document/", views.statement_document, name="statement_document"),
    path(
        "statements/<int:pk>/step/<slug:step>/",
        views.statement_step,
        name="statement_step",
    ),
    path("portal/", views.portal_index, name="portal_index"),
    path("portal/<int:organisation>/", views.portal_home, name="portal"),
    path(
        "portal/<int:organisation>/statements/<int:year>/",
        views.portal_statement,
        name="portal_statement",
    ),
    path(
        "portal/<int:organisation>/statements/<int:year>/v<int:version>/",
        views.portal_statement,
        name="portal_statement_version",
    ),
    path(
        "portal/<int:organisation>/accounts/<int:year>/",
        views.portal_accounts,
        name="portal_accounts",
    ),
    path("portal/<int:organisation>/documents/", views.portal_documents, name="portal_documents"),
    path("portal/<int:organisation>/inquiry/", views.portal_inquiry, name="portal_inquiry"),
    *app_urlpatterns("publication"),
]
