"""Everything with a due date, from every app, for "my tasks", the calendar feed and
e-mail reminders.

An app that has due work adds `zist/<app>/due.py` with

    def due_items(user, until: date) -> Iterable[DueItem]

returning the items due on or before `until` (overdue ones included) that concern
`user` (owner, responsible person, or the representative/leader of the unit) and that
`user` may see (use `.restrict(user, "view")`). `collect()` gathers them all.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from importlib.util import find_spec

from django.apps import apps
from django.utils import timezone


@dataclass(frozen=True)
class DueItem:
    """One thing due: `key` is stable across runs (it names the reminder sent)."""

    key: str
    title: str
    due: dt.date
    kind: str
    url: str
    unit: str = ""
    # A decision that waits for this person (an approval), shown apart on the home page.
    approval: bool = False

    @property
    def is_overdue(self) -> bool:
        return self.due < timezone.localdate()

    @property
    def days_left(self) -> int:
        return (self.due - timezone.localdate()).days


def sources() -> list:
    """The `due` modules of the installed Zist apps (this module, zist.core.due, is
    found too but has no `due_items`: only modules that provide it count)."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.due"
        if config.name.startswith("zist.") and find_spec(name):
            module = importlib.import_module(name)
            if hasattr(module, "due_items"):
                found.append(module)
    return found


def collect(user, until: dt.date) -> list[DueItem]:
    items: list[DueItem] = []
    for module in sources():
        items.extend(module.due_items(user, until))
    return sorted(items, key=lambda item: (item.due, item.title))
