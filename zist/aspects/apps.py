from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AspectsConfig(AppConfig):
    name = "zist.aspects"
    label = "aspects"
    verbose_name = _("Environmental aspects")

    def ready(self) -> None:
        from zist.aspects import registers  # noqa: F401
        from zist.aspects.models import Aspect
        from zist.core.navigation import register_page

        register_page("planning", _("Significance map"), "aspects:aspect_map", Aspect)
