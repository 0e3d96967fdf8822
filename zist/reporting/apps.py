from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "zist.reporting"
    label = "reporting"
    verbose_name = _("Regulatory reporting")

    def ready(self) -> None:
        from zist.reporting import registers  # noqa: F401
