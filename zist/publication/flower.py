"""The environment flower (miljøblomst): an SVG drawn here, one petal per theme,
coloured by the theme's status (better, unchanged, worse; no status is grey), each
petal a link to its theme, labelled in the reader's language; in a right-to-left
language the petals run the other way round and the labels read right to left.
Colour is never the only sign: each petal carries its status's symbol and its name
in the link's title."""

from __future__ import annotations

import math

from django.utils.html import escape
from django.utils.translation import gettext as _

COLOURS = {
    "better": ("#2e7d32", "+"),
    "unchanged": ("#f2b705", "="),
    "worse": ("#c62828", "−"),
    "": ("#9e9e9e", "?"),
}


def status_labels() -> dict:
    return {
        "better": _("Better"),
        "unchanged": _("Unchanged"),
        "worse": _("Worse"),
        "": _("No status"),
    }


def pick(names: dict, language: str) -> str:
    return names.get(language[:2]) or names.get("") or ""


def lines_of(text: str, width: int = 12) -> list[str]:
    """A label broken at spaces into lines of about `width` characters (at most 3)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:3] or [""]


def flower_svg(
    petals: list[dict],
    language: str,
    rtl: bool,
    href=lambda key: f"#theme-{key}",
    links: bool = True,
):
    """`petals`: dicts with key, names (per language), status. Returns SVG markup.
    `links=False` (print) draws the petals without links (WeasyPrint clips linked
    shapes in right-to-left pages) and numbers them instead of naming them: WeasyPrint
    does not shape Persian text inside SVG, so the names go in a numbered key in HTML
    under the flower (`flower_key`)."""
    from zist.core.calendars import localize_digits

    count = max(len(petals), 1)
    labels = status_labels()
    parts = [
        f'<svg class="flower" xmlns="http://www.w3.org/2000/svg" viewBox="-370 -280 740 560" '
        f'role="img" aria-labelledby="flower-title" direction="{"rtl" if rtl else "ltr"}">',
        f'<title id="flower-title">{escape(_("Environment flower"))}</title>',
    ]
    for index, petal in enumerate(petals):
        angle = (-1 if rtl else 1) * 360 * index / count
        colour, symbol = COLOURS.get(petal.get("status") or "", COLOURS[""])
        name = pick(petal["names"], language)
        status = labels.get(petal.get("status") or "", labels[""])
        radians = math.radians(angle - 90)
        tip_x, tip_y = math.cos(radians) * 150, math.sin(radians) * 150
        label_x, label_y = math.cos(radians) * 178, math.sin(radians) * 178
        if abs(label_x) < 30:
            anchor = "middle"
        else:
            # text-anchor follows the text's direction: "start" is the right end in RTL.
            anchor = "start" if (label_x > 0) != rtl else "end"
        lines = lines_of(name)
        size = 28
        if label_y > 60:
            top = label_y + size
        elif label_y < -60:
            top = label_y - (len(lines) - 1) * size
        else:
            top = label_y + size / 3 - (len(lines) - 1) * size / 2
        spans = "".join(
            f'<tspan x="{label_x:.1f}" y="{top + i * size:.1f}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        state = escape(petal.get("status") or "none")
        if not links:
            symbol, spans = localize_digits(str(index + 1)), ""
        opening = (
            f'<a href="{escape(href(petal["key"]))}" class="petal petal-{state}">'
            if links
            else f'<g class="petal petal-{state}">'
        )
        parts.append(
            f"{opening}<title>{escape(name)}: {escape(status)}</title>"
            f'<ellipse cx="0" cy="-88" rx="36" ry="70" fill="{colour}" fill-opacity="0.9" '
            f'stroke="#ffffff" stroke-width="3" transform="rotate({angle:.2f})"/>'
            f'<text x="{tip_x * 0.72:.1f}" y="{tip_y * 0.72 + 8:.1f}" text-anchor="middle" '
            f'font-size="24" font-weight="700" fill="#ffffff">{symbol}</text>'
            f'<text text-anchor="{anchor}" font-size="{size}" fill="#1b1b1b">{spans}</text>'
            f"{'</a>' if links else '</g>'}"
        )
    parts.append('<circle cx="0" cy="0" r="34" fill="#ffffff" stroke="#5d7f3a" stroke-width="4"/>')
    parts.append("</svg>")
    return "".join(parts)


def legend_items() -> list[tuple[str, str, str, str]]:
    """(status key, colour, symbol, label) for the legend under the flower."""
    labels = status_labels()
    return [
        (key or "none", *COLOURS[key], labels[key]) for key in ("better", "unchanged", "worse", "")
    ]
