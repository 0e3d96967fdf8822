from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetersConfig(AppConfig):
    name = "zist.meters"
    label = "meters"
    verbose_name = _("Meters and readings")

    def ready(self) -> None:
        from zist.core.navigation import register_quick_entry
        from zist.meters import grid, jobs, registers, signals  # noqa: F401

        register_quick_entry(grid.quick_entries)
