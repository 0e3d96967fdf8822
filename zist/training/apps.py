from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "zist.training"
    label = "training"
    verbose_name = _("Competence and training")

    def ready(self) -> None:
        from zist.training import registers  # noqa: F401
