from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContextConfig(AppConfig):
    name = "zist.context"
    label = "context"
    verbose_name = _("Context of the organisation")

    def ready(self) -> None:
        from zist.context import registers  # noqa: F401
