from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "zist.training"
    label = "training"
    verbose_name = _("Competence and training")

    def ready(self) -> None:
        from zist.core.navigation import register_page
        from zist.training import registers  # noqa: F401
        from zist.training.models import Requirement

        register_page("support", _("Training needs"), "training:needs", Requirement)
