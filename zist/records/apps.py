from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsConfig(AppConfig):
    name = "zist.records"
    label = "records"
    verbose_name = _("Records")

    def ready(self) -> None:
        from zist.records import registers  # noqa: F401
