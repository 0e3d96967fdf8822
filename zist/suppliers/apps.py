from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SuppliersConfig(AppConfig):
    name = "zist.suppliers"
    label = "suppliers"
    verbose_name = _("Contractors and suppliers")

    def ready(self) -> None:
        from zist.suppliers import registers  # noqa: F401
