"""The main menu: registers grouped by capability, shown only where the user may look."""

from django.utils.translation import gettext_lazy as _

from zist.core.querysets import scope_paths
from zist.core.registry import registers

# In the order of the Plan-Do-Check-Act cycle; registers name their group.
MENU_GROUPS = [
    ("planning", _("Planning")),
    ("support", _("Support")),
    ("operation", _("Operation")),
    ("monitoring", _("Monitoring")),
    ("check", _("Check")),
    ("improvement", _("Improvement")),
    ("crisis", _("Crisis management")),
    ("organisation", _("Organisation")),
]


def menu_for(user) -> list[dict]:
    groups = []
    for key, label in MENU_GROUPS:
        items = []
        for reg in registers():
            if reg.menu_group != key:
                continue
            paths = scope_paths(user, reg.model, "view")
            if paths is None or paths:
                items.append({"label": reg.verbose_name_plural(), "url_name": reg.url_name("list")})
        if items:
            groups.append({"key": key, "label": label, "items": items})
    return groups
