from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditsConfig(AppConfig):
    name = "zist.audits"
    label = "audits"
    verbose_name = _("Audits")

    def ready(self) -> None:
        from zist.audits import registers  # noqa: F401
