from django.urls import path

from zist.attachments import views

app_name = "attachments"
urlpatterns = [
    path("add/<int:content_type_id>/<int:object_id>/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/", views.attachment_download, name="attachment_download"),
    path("<int:pk>/delete/", views.attachment_delete, name="attachment_delete"),
]
