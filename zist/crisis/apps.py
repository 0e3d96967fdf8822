from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrisisConfig(AppConfig):
    name = "zist.crisis"
    label = "crisis"
    verbose_name = _("Crisis management")

    def ready(self) -> None:
        from zist.core.navigation import register_page
        from zist.crisis import registers  # noqa: F401
        from zist.crisis.models import Hazard, Post

        register_page("crisis", _("Crisis management master plan"), "crisis:overview", Hazard)
        register_page("crisis", _("Crisis office"), "crisis:office", Post)
        register_page("crisis", _("Training needs"), "crisis:training", Post)
