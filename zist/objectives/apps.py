from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectivesConfig(AppConfig):
    name = "zist.objectives"
    label = "objectives"
    verbose_name = _("Objectives and programmes")

    def ready(self) -> None:
        from zist.objectives import registers  # noqa: F401
