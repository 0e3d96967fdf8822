from django.urls import path

from zist.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.my_tasks, name="my_tasks"),
    path("calendar/", views.feed_address, name="feed_address"),
    path("calendar/<str:secret>.ics", views.feed, name="feed"),
]
