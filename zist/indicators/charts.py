"""Charts as our own inline SVG: no script, no external asset, mirrored for
right-to-left languages, with the numbers also printed on the bars."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from zist.core.numbers import format_number

ROW = 28
LABEL = 150
VALUE = 110
WIDTH = 560


def number(value, digits: int = 1) -> str:
    """A figure for people: localised grouping, the user's digits."""
    if value is None:
        return "—"
    return format_number(value, digits)


def figure(value) -> str:
    """A figure rounded for reading: no decimals from 1 000 up, one from 10, two from 1,
    three below; grouped and in the user's digits; "—" when there is none."""
    if value is None:
        return "—"
    size = abs(Decimal(str(value)))
    digits = 0 if size >= 1000 else 1 if size >= 10 else 2 if size >= 1 else 3
    return number(value, digits)


def bar_chart(
    rows: list[tuple[str, Decimal | None]],
    title: str,
    rtl: bool = False,
    target: Decimal | None = None,
    highlight_last: bool = False,
) -> SafeString:
    """Horizontal bars, one per (label, value). In right-to-left pages labels stand on
    the right and bars grow leftwards. A dashed line marks the target, if any."""
    values = [v for _label, v in rows if v is not None]
    top = max([*values, target or 0, Decimal(0)]) or Decimal(1)
    span = WIDTH - LABEL - VALUE
    height = ROW * len(rows) + 12
    parts = [
        f'<svg class="chart" role="img" direction="ltr" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]

    def x(position: float) -> float:
        # Positions measured from the reading start edge; mirrored for RTL.
        return WIDTH - position if rtl else position

    start_anchor, end_anchor = ("end", "start") if rtl else ("start", "end")
    for index, (label, value) in enumerate(rows):
        y = 6 + index * ROW
        parts.append(
            f'<text x="{x(0):.1f}" y="{y + 18}" text-anchor="{start_anchor}" '
            f'class="chart-label">{escape(label)}</text>'
        )
        length = 0.0 if value is None else float(Decimal(value) / top) * span
        length = max(length, 0.0)
        left = x(LABEL + length) if rtl else x(LABEL)
        css = (
            "chart-bar chart-bar-current"
            if highlight_last and index == len(rows) - 1
            else "chart-bar"
        )
        parts.append(
            f'<rect x="{left:.1f}" y="{y + 4}" width="{length:.1f}" height="{ROW - 10}" '
            f'class="{css}"/>'
        )
        parts.append(
            f'<text x="{x(LABEL + length + 6):.1f}" y="{y + 18}" '
            f'text-anchor="{start_anchor}" class="chart-value">{escape(figure(value))}</text>'
        )
    if target is not None and top:
        position = x(LABEL + float(Decimal(target) / top) * span)
        parts.append(
            f'<line x1="{position:.1f}" y1="2" x2="{position:.1f}" y2="{height - 2}" '
            f'class="chart-target"/>'
        )
    del end_anchor
    parts.append("</svg>")
    return mark_safe("".join(parts))
