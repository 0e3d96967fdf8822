from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetersConfig(AppConfig):
    name = "zist.meters"
    label = "meters"
    verbose_name = _("Meters and readings")

    def ready(self) -> None:
        from zist.meters import registers  # noqa: F401
