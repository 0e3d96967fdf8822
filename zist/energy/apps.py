from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnergyConfig(AppConfig):
    name = "zist.energy"
    label = "energy"
    verbose_name = _("Energy performance")

    def ready(self) -> None:
        from zist.energy import registers  # noqa: F401
