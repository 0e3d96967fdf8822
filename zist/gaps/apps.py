from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GapsConfig(AppConfig):
    name = "zist.gaps"
    label = "gaps"
    verbose_name = _("Gap assessments")

    def ready(self) -> None:
        from zist.gaps import pack, registers  # noqa: F401
