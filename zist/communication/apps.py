from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "zist.communication"
    label = "communication"
    verbose_name = _("Communication")

    def ready(self) -> None:
        from zist.communication import registers  # noqa: F401
