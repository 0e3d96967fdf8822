from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "zist.communication"
    label = "communication"
    verbose_name = _("Communication")

    def ready(self) -> None:
        from zist.communication import registers  # noqa: F401
        from zist.communication.models import Event
        from zist.core.navigation import register_page

        register_page(
            "support", _("Representatives' network"), "communication:representatives", Event
        )
