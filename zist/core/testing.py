"""Test machinery shared by every app: the fixed cast and the scenarios that feed the
generic permission matrix (zist/core/tests/test_permission_matrix.py).

Registering a model as a register obliges its app to declare a `Scenario` here (in the
app's `testing.py`): how to make an object on a unit, what an API create payload looks
like, and what a change looks like. The matrix then checks every role × action ×
in-scope/out-of-scope over the UI, the API and the export, against the answers written
out in its EXPECTED table.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

_scenarios: dict[str, type[Scenario]] = {}
_counter = itertools.count(1)


def unique(prefix: str) -> str:
    """A name no other object in the test has (the matrix looks for names in exports)."""
    return f"{prefix}-{next(_counter)}"


@dataclass
class Cast:
    """The same small world in every test.

    Two organisations. Tehran: root › Region 2 › District 3 and District 4.
    Albertslund: root › Biblioteket. `inside` is where a tested role is granted;
    `outside` is its sibling; `foreign` is another organisation.
    """

    tehran: object
    tehran_root: object
    region: object
    inside: object
    outside: object
    albertslund: object
    foreign: object
    superuser: object


def collide_history(model, visible_pk: int, hidden_pk: int) -> None:
    """Give the hidden record's latest history row the id `visible_pk` (the id of a
    record the user may see): a restriction that reads the history row's id instead of
    the record's would then let the hidden record through."""
    rows = model.history.model._base_manager
    spare = (rows.order_by("-history_id").values_list("history_id", flat=True).first() or 0) + 1
    rows.filter(history_id=visible_pk).update(history_id=spare)
    latest = rows.filter(id=hidden_pk).order_by("-history_date", "-history_id").first()
    rows.filter(history_id=latest.history_id).update(history_id=visible_pk)


class Scenario:
    """How the permission matrix makes and changes objects of one register."""

    model: type

    @classmethod
    def make(cls, cast: Cast, unit):
        """An object placed on `unit` (or its subtree)."""
        raise NotImplementedError

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        """API data that would create an object on `unit`."""
        raise NotImplementedError

    @classmethod
    def change(cls, obj) -> dict:
        """API data for a small valid change of `obj`."""
        raise NotImplementedError

    @classmethod
    def outside_unit(cls, cast: Cast):
        """Where objects out of the tested role's reach live."""
        return cast.outside

    @classmethod
    def label(cls, obj) -> str:
        """Text that identifies the object in a list export."""
        return str(obj)


def scenario(cls: type[Scenario]) -> type[Scenario]:
    _scenarios[cls.model._meta.label_lower] = cls
    return cls


def scenarios() -> dict[str, type[Scenario]]:
    import importlib
    from importlib.util import find_spec

    from django.apps import apps

    for config in apps.get_app_configs():
        if config.name.startswith("zist.") and find_spec(f"{config.name}.testing"):
            importlib.import_module(f"{config.name}.testing")
    return dict(_scenarios)


# Reading PDFs back in tests, with the real poppler tools (Debian poppler-utils).
# pdftotext wraps right-to-left runs in direction marks and drops zero-width
# non-joiners; both are removed from what it reads and from what tests expect (`plain`).
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def plain(text: str) -> str:
    """`text` without invisible marks, to compare with `pdf_text`."""
    return text.translate(_INVISIBLE)


def squash(text: str) -> str:
    """`text` without any spaces: pdftotext places the space between a right-to-left
    word and a number on either side of the number ("صفحه ۱ از ۴" reads "صفحه ۱از ۴"),
    though the page shows it right; compare such labels squashed."""
    return "".join(plain(text).split())


def pdf_text(content: bytes, *, layout: bool = True) -> str:
    """The text of a PDF as `pdftotext` reads it (pages separated by form feeds),
    without the invisible direction marks it adds around right-to-left runs."""
    import subprocess

    text = subprocess.run(
        ["pdftotext", *(["-layout"] if layout else []), "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return plain(text)


def pdf_pages(content: bytes) -> list[str]:
    """The text of each page."""
    return pdf_text(content).split("\f")[:-1]


def pdf_info(content: bytes) -> dict[str, str]:
    """`pdfinfo`'s fields (Pages, Page size, Title, …)."""
    import subprocess

    out = subprocess.run(
        ["pdfinfo", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdf_png(content: bytes, path: str, *, page: int = 1, dpi: int = 70) -> str:
    """Page `page` drawn to a PNG at `path` (no extension) by `pdftoppm`; returns the
    file's name, for a person to look at."""
    import subprocess

    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-singlefile",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-",
            path,
        ],
        input=content,
        check=True,
    )
    return f"{path}.png"
