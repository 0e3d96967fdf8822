from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "zist.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from zist.core.navigation import register_page
        from zist.indicators import registers  # noqa: F401
        from zist.indicators.models import Indicator

        register_page("monitoring", _("Green accounts"), "indicators:green_accounts", Indicator)
