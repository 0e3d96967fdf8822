from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrisisConfig(AppConfig):
    name = "zist.crisis"
    label = "crisis"
    verbose_name = _("Crisis management")

    def ready(self) -> None:
        from zist.crisis import registers  # noqa: F401
