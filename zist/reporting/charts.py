"""The distribution of one KPI in one sector as our own inline SVG: a box (P25–P75,
median line, whiskers to the fences or the furthest value within them) with the values
as a strip of dots (beyond `ALL_DOTS` values, the outlying ones only). For an
organisation only the box and its own dot are drawn."""

from __future__ import annotations

from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from zist.core.numbers import format_number

WIDTH, HEIGHT, PAD = 560, 124, 40
# Above this many organisations only the dots beyond the whiskers (and flagged
# outliers) are drawn, as in a box plot: a thousand overlapping dots tell nothing
# more than the box and weigh a page of charts down.
ALL_DOTS = 200


def _label(value: Decimal) -> str:
    size = abs(value)
    return format_number(value, 0 if size >= 1000 else 1 if size >= 10 else 2 if size >= 1 else 3)


def distribution(result, rtl: bool = False) -> SafeString:
    summary = result.shown_summary
    if summary is None:
        return mark_safe("")
    dots = [r.normalised for r in result.rows]
    own = result.own.normalised if result.own else None
    points = [summary.minimum, summary.maximum, *dots] + ([own] if own is not None else [])
    if not result.named:
        points = [summary.p25, summary.p75, *([own] if own is not None else [])]
    low, high = min(points), max(points)
    span = (high - low) or Decimal(1)

    def x(value: Decimal) -> float:
        share = float((value - low) / span)
        if rtl:
            share = 1 - share
        return round(PAD + share * (WIDTH - 2 * PAD), 1)

    inside = [v for v in dots if summary.lower_fence <= v <= summary.upper_fence]
    whisker_low = min(inside) if inside else summary.p25
    whisker_high = max(inside) if inside else summary.p75
    left, right = sorted((x(summary.p25), x(summary.p75)))
    title = f"{result.kpi.name} — {result.sector}"
    parts = [
        f'<svg class="chart distribution" role="img" direction="ltr" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
    ]
    if result.named:
        parts.append(
            f'<line x1="{x(whisker_low)}" x2="{x(whisker_high)}" y1="50" y2="50" stroke="#555"/>'
        )
    parts.append(
        f'<rect x="{left}" y="34" width="{max(right - left, 1)}" height="32" '
        f'fill="#cfe3d6" stroke="#2d6a4f"/>'
        f'<line x1="{x(summary.median)}" x2="{x(summary.median)}" y1="34" y2="66" '
        f'stroke="#1b4332" stroke-width="3"/>'
    )
    for name, value in (("P25", summary.p25), ("P50", summary.median), ("P75", summary.p75)):
        parts.append(
            f'<text x="{x(value)}" y="{22 if name != "P50" else 28}" font-size="15" text-anchor="middle">'
            f"{name} {escape(_label(value))}</text>"
        )
    drawn = result.rows
    if len(drawn) > ALL_DOTS:
        drawn = [
            r
            for r in drawn
            if r.outlier_reason or not summary.lower_fence <= r.normalised <= summary.upper_fence
        ]
    for row in drawn:
        colour = "#b00020" if row.outlier_reason else "#333"
        parts.append(
            f'<circle cx="{x(row.normalised)}" cy="86" r="6" fill="{colour}">'
            f"<title>{escape(row.organisation)}: "
            f"{escape(_label(row.normalised))}</title></circle>"
        )
    if own is not None:
        parts.append(
            f'<circle cx="{x(own)}" cy="50" r="9" fill="#f4a261" stroke="#000"/>'
            f'<text x="{x(own)}" y="116" font-size="18" text-anchor="middle" font-weight="bold">'
            f"{escape(_label(own))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
