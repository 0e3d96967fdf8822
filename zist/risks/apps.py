from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RisksConfig(AppConfig):
    name = "zist.risks"
    label = "risks"
    verbose_name = _("Risks and opportunities")

    def ready(self) -> None:
        from zist.risks import registers  # noqa: F401
