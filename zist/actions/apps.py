from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionsConfig(AppConfig):
    name = "zist.actions"
    label = "actions"
    verbose_name = _("Actions")

    def ready(self) -> None:
        from zist.actions import registers  # noqa: F401
