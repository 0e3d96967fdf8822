from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditsConfig(AppConfig):
    name = "zist.audits"
    label = "audits"
    verbose_name = _("Audits")

    def ready(self) -> None:
        from zist.audits import registers  # noqa: F401
        from zist.audits.checklist import quick_entries
        from zist.audits.models import Audit
        from zist.core.navigation import register_page, register_quick_entry

        register_quick_entry(quick_entries)

        register_page("check", _("Check and improvement dashboard"), "audits:dashboard", Audit)
        register_page("check", _("Multi-site sampling"), "audits:sampling", Audit)
