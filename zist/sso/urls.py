"""Single sign-on endpoints, outside the language prefix: the address the directory
sends people back to is registered there once, whatever language they read Zist in."""

from django.urls import path

from zist.sso import oidc

app_name = "sso"
urlpatterns = [
    path("oidc/login/", oidc.LoginView.as_view(), name="oidc_login"),
    path("oidc/callback/", oidc.CallbackView.as_view(), name="oidc_callback"),
]
