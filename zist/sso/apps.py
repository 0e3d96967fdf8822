from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SsoConfig(AppConfig):
    name = "zist.sso"
    label = "sso"
    verbose_name = _("Single sign-on")

    def ready(self) -> None:
        # A mistyped group mapping stops Zist at start-up, not at someone's sign-in.
        from django.conf import settings

        from zist.sso.groups import parse

        parse(settings.ZIST_SSO_GROUP_ROLES)
