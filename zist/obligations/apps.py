from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObligationsConfig(AppConfig):
    name = "zist.obligations"
    label = "obligations"
    verbose_name = _("Compliance obligations")

    def ready(self) -> None:
        from zist.obligations import registers  # noqa: F401
