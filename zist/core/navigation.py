"""The main menu: registers grouped by capability, shown only where the user may look;
and the home page's quick entry links, given by the apps."""

from dataclasses import dataclass

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
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


# Pages that are not registers (reports, maps, dashboards), added by apps in `ready()`.
_pages: list[dict] = []


def register_page(group: str, label, url_name: str, model) -> None:
    """Show a page that is not a register in a menu group, to users who may view
    `model` somewhere. The page itself must still restrict what it shows."""
    if not any(page["url_name"] == url_name for page in _pages):
        _pages.append({"group": group, "label": label, "url_name": url_name, "model": model})


# Every page shows the menu, up to a hundred links: each reversed once per language
# (and URL prefix) and kept, not on every page (a fifth of a list page's time was
# spent reversing them).
_reversed: dict[tuple, str] = {}


def menu_url(url_name: str) -> str:
    key = (url_name, get_language(), get_script_prefix(), get_urlconf())
    url = _reversed.get(key)
    if url is None:
        url = _reversed[key] = reverse(url_name)
    return url


def menu_for(user) -> list[dict]:
    groups = []
    for key, label in MENU_GROUPS:
        # The group's registers, then the pages apps added to it: (label, URL name, model).
        entries = [
            (reg.verbose_name_plural(), reg.url_name("list"), reg.model)
            for reg in registers()
            if reg.menu_group == key
        ] + [
            (page["label"], page["url_name"], page["model"])
            for page in _pages
            if page["group"] == key
        ]
        items = []
        for item_label, url_name, model in entries:
            paths = scope_paths(user, model, "view")
            if paths is None or paths:
                items.append({"label": item_label, "url_name": url_name, "url": menu_url(url_name)})
        if items:
            groups.append({"key": key, "label": label, "items": items})
    return groups


# Quick entry on the home page: each app that people feed often (readings, audit
# checklists) adds a function `user -> list[QuickEntry]` in its `ready()`.
_quick_entries: list = []


@dataclass(frozen=True)
class QuickEntry:
    """A link on the home page straight to where the person types: `label` is what to
    enter, `place` the unit or audit it is for."""

    label: str
    url: str
    place: str = ""


def register_quick_entry(provider) -> None:
    if provider not in _quick_entries:
        _quick_entries.append(provider)


def quick_entries(user) -> list[QuickEntry]:
    entries: list[QuickEntry] = []
    for provider in _quick_entries:
        entries.extend(provider(user))
    return entries
