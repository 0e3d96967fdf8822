"""Single sign-on endpoints, outside the language prefix: the address the directory
sends people back to is registered there once, whatever language they read Zist in."""

from django.urls import path

from zist.sso import oidc, saml

app_name = "sso"
urlpatterns = [
    path("oidc/login/", oidc.LoginView.as_view(), name="oidc_login"),
    path("oidc/callback/", oidc.CallbackView.as_view(), name="oidc_callback"),
    path("saml/login/", saml.LoginView.as_view(), name="saml_login"),
    path("saml/acs/", saml.AcsView.as_view(), name="saml_acs"),
    path("saml/metadata/", saml.SpMetadataView.as_view(), name="saml_metadata"),
]
