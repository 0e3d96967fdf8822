from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "zist.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from zist.documents import registers  # noqa: F401
