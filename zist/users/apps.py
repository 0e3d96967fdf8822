from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    name = "zist.users"
    label = "users"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        from zist.users import registers, signals  # noqa: F401
