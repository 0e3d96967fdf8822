from django.urls import path

from zist.audits import views
from zist.core.registry import app_urlpatterns

app_name = "audits"
urlpatterns = app_urlpatterns("audits") + [
    path("audits/<int:pk>/checklist/", views.checklist, name="audit_checklist"),
    path(
        "checklist-items/<int:pk>/finding/",
        views.checklist_finding,
        name="checklist_finding",
    ),
    path("audits/<int:pk>/report/", views.report, name="audit_report"),
    path("programmes/<int:pk>/overview/", views.programme_overview, name="programme_overview"),
    path("programmes/<int:pk>/plan/", views.programme_plan, name="programme_plan"),
    path("sampling/", views.sampling_page, name="sampling"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
