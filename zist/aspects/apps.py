from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AspectsConfig(AppConfig):
    name = "zist.aspects"
    label = "aspects"
    verbose_name = _("Environmental aspects")

    def ready(self) -> None:
        from zist.aspects import registers  # noqa: F401
