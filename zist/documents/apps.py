from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "zist.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from zist.core.navigation import register_page
        from zist.documents import registers  # noqa: F401
        from zist.documents.models import Document

        register_page("support", _("Public documents"), "documents:public_list", Document)
