"""Roadmap lanes of a resource-wise city, kept as data (data/lanes.json) so that a
city with other lanes edits a file, not code. A finding stores the lane's code."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.utils import translation

LANES_FILE = Path(__file__).parent / "data" / "lanes.json"


@cache
def lanes() -> tuple[dict, ...]:
    return tuple(json.loads(LANES_FILE.read_text(encoding="utf-8"))["lanes"])


def lane_name(code: str) -> str:
    """The lane's name in the active language (English when the file has none)."""
    language = (translation.get_language() or "en")[:2]
    for lane in lanes():
        if lane["code"] == code:
            return lane.get(language) or lane["en"]
    return code


def choices() -> list[tuple[str, str]]:
    """(code, name) pairs; a callable so that names follow the reader's language."""
    return [(lane["code"], lane_name(lane["code"])) for lane in lanes()]
