from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UsersConfig(AppConfig):
    name = "zist.users"
    label = "users"
    verbose_name = _("Users and roles")

    def ready(self) -> None:
        from zist.core.querysets import set_policy
        from zist.users import registers, signals  # noqa: F401
        from zist.users.roles import role_allows

        set_policy(role_allows)
