"""The value-stream bar of a review: one horizontal bar per step, processing time then
waiting time, drawn as SVG here (no chart library, works offline and in the PDF). In a
right-to-left language the bars grow from the right. Colour is never the only sign:
waiting is hatched, and each part carries its minutes in its title."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.translation import gettext as _

from zist.core.numbers import format_number

WIDTH, LABEL, ROW, BAR = 360, 130, 24, 16
PROCESSING, WAITING = "#2e7d32", "#f2b705"


def value_stream_svg(stream, rtl: bool) -> str:
    """`stream`: services.ValueStream. Returns SVG markup (empty when no steps)."""
    if not stream.steps:
        return ""
    longest = max((s.processing_minutes + s.waiting_minutes for s in stream.steps), default=0)
    scale = Decimal(WIDTH - LABEL - 10) / longest if longest else Decimal(0)
    height = ROW * (len(stream.steps) + 1) + 10
    title = _("Value stream: processing and waiting time")
    parts = [
        f'<svg class="value-stream" xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="vs-title" '
        f'direction="{"rtl" if rtl else "ltr"}">',
        f'<title id="vs-title">{escape(title)}</title>',
        '<defs><pattern id="vs-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{WAITING}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#7a5c00" stroke-width="2"/></pattern></defs>',
    ]

    def x_of(start: Decimal, length: Decimal) -> float:
        """Left edge of a bar part `start` minutes into the bar, mirrored in RTL."""
        left = LABEL + float(start * scale)
        return WIDTH - left - float(length * scale) if rtl else left

    label_x = WIDTH - 4 if rtl else 4
    for index, step in enumerate(stream.steps):
        y = 8 + index * ROW
        name = escape(f"{format_number(step.order)}. {step.name}")
        parts.append(
            f'<text x="{label_x}" y="{y + BAR - 3}" font-size="12" text-anchor="start">{name}</text>'
        )
        for start, minutes, fill, label in (
            (Decimal(0), step.processing_minutes, PROCESSING, _("Processing")),
            (step.processing_minutes, step.waiting_minutes, "url(#vs-hatch)", _("Waiting")),
        ):
            if not minutes:
                continue
            title = escape(
                _("%(what)s: %(minutes)s min") % {"what": label, "minutes": format_number(minutes)}
            )
            parts.append(
                f'<rect x="{x_of(start, minutes):.1f}" y="{y}" width="{float(minutes * scale):.1f}" '
                f'height="{BAR}" fill="{fill}"><title>{title}</title></rect>'
            )
    y = 8 + len(stream.steps) * ROW + BAR - 3
    legend = " · ".join(
        f"{symbol} " + _("%(what)s: %(minutes)s min") % {"what": what, "minutes": format_number(m)}
        for symbol, what, m in (
            ("■", _("Processing"), stream.processing),
            ("▨", _("Waiting"), stream.waiting),
        )
    )
    parts.append(
        f'<text x="{label_x}" y="{y}" font-size="12" text-anchor="start">{escape(legend)}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
