from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "zist.certification"
    label = "certification"
    verbose_name = _("Certification")

    def ready(self) -> None:
        from zist.certification import registers  # noqa: F401
