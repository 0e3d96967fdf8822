from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmissionsConfig(AppConfig):
    name = "zist.emissions"
    label = "emissions"
    verbose_name = _("Greenhouse gases")

    def ready(self) -> None:
        from zist.core.navigation import register_page
        from zist.emissions import registers  # noqa: F401
        from zist.indicators.models import Indicator

        register_page("monitoring", _("Greenhouse-gas inventory"), "emissions:inventory", Indicator)
