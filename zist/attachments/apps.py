from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttachmentsConfig(AppConfig):
    name = "zist.attachments"
    label = "attachments"
    verbose_name = _("Evidence files")

    def ready(self) -> None:
        from zist.attachments.views import EvidenceFiles
        from zist.core.registry import add_to_every_detail_page

        add_to_every_detail_page(EvidenceFiles())
