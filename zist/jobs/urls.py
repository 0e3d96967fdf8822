from django.urls import path

from zist.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("<uuid:uuid>/", views.job_detail, name="job_detail"),
    path("<uuid:uuid>/file/", views.job_file, name="job_file"),
    path("<uuid:uuid>/retry/", views.job_retry, name="job_retry"),
]
