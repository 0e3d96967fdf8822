from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmissionsConfig(AppConfig):
    name = "zist.emissions"
    label = "emissions"
    verbose_name = _("Greenhouse gases")

    def ready(self) -> None:
        from zist.emissions import registers  # noqa: F401
