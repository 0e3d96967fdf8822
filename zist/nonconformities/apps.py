from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NonconformitiesConfig(AppConfig):
    name = "zist.nonconformities"
    label = "nonconformities"
    verbose_name = _("Nonconformities")

    def ready(self) -> None:
        from zist.nonconformities import registers  # noqa: F401
