from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImprovementConfig(AppConfig):
    name = "zist.improvement"
    label = "improvement"
    verbose_name = _("Continual improvement")

    def ready(self) -> None:
        from zist.improvement import registers  # noqa: F401
