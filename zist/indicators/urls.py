from django.urls import path

from zist.core.registry import app_urlpatterns
from zist.indicators import views

app_name = "indicators"
urlpatterns = [
    path("accounts/", views.green_accounts, name="green_accounts"),
    *app_urlpatterns("indicators"),
]
