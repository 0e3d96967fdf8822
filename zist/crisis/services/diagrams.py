"""Server-rendered SVG drawings (no script): layered graphs for the consequence
diagram and the organisation chart, and a line chart for the drill trend. Every text
is escaped; colours are SVG attributes so the content security policy allows them.
Drawings are laid out left to right (`direction="ltr"`, else a right-to-left page would
flip every text anchor); the labels themselves still read right to left."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.translation import gettext as _

from zist.core import calendars
from zist.crisis.services import cascade, scoring

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 190, 56, 24, 46, 16
# Width of the slot a long edge takes in a layer it crosses.
WAYPOINT_W = 20
LEVEL_FILL = {
    scoring.LOW: "#e3f1e6",
    scoring.MEDIUM: "#fdf3c7",
    scoring.HIGH: "#fbd9b6",
    scoring.VERY_HIGH: "#f6c1c1",
    None: "#eef3f7",
}


@dataclass
class Box:
    key: object
    label: str
    detail: str = ""
    fill: str = LEVEL_FILL[None]
    url: str = ""


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def layered_svg(boxes: list[Box], edges: list[tuple], title: str) -> str:
    """Boxes in rows by layer (roots on top), arrows from cause to consequence; an
    edge that closes a cycle is drawn dashed, curving back up on the side."""
    if not boxes:
        return ""
    keys = [box.key for box in boxes]
    layer = cascade.layers(keys, edges)
    back = cascade.back_edges(keys, edges)
    forward = [edge for edge in edges if edge not in back]
    extended, waypoints, chains = cascade.split_long_edges(forward, layer)
    layer.update(waypoints)
    rows = cascade.order_layers([*keys, *waypoints], extended, layer)

    def slot(key) -> int:
        return WAYPOINT_W if key in waypoints else BOX_W

    def row_width(row) -> int:
        return sum(slot(key) for key in row) + GAP_X * (len(row) - 1)

    width = max(row_width(row) for row in rows.values()) + 2 * PAD + 40
    height = len(rows) * (BOX_H + GAP_Y) - GAP_Y + 2 * PAD
    where = {}  # key → (x of the slot's left edge, y of its top)
    for depth, row in rows.items():
        x = (width - row_width(row)) / 2
        for key in row:
            where[key] = (x, PAD + depth * (BOX_H + GAP_Y))
            x += slot(key) + GAP_X

    def centre_x(key) -> float:
        return where[key][0] + slot(key) / 2

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram" role="img" direction="ltr" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}">',
        f"<title>{escape(title)}</title>",
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#44505a"/></marker></defs>',
    ]
    for source, target in back:
        (sx, sy), (tx, ty) = where[source], where[target]
        x1, y1 = sx + BOX_W, sy + BOX_H / 2
        x2, y2 = tx + BOX_W, ty + BOX_H / 2
        bulge = max(x1, x2) + 40
        parts.append(
            f'<path d="M{x1:.0f},{y1:.0f} C{bulge:.0f},{y1:.0f} {bulge:.0f},{y2:.0f} '
            f'{x2:.0f},{y2:.0f}" fill="none" stroke="#b3261e" stroke-width="1.6" '
            f'stroke-dasharray="5 4" marker-end="url(#arrow)" class="cycle-edge"/>'
        )
    for chain in chains.values():
        # Down from the source's bottom, straight through each waypoint's slot, into
        # the target's top.
        points = [(centre_x(chain[0]), where[chain[0]][1] + BOX_H)]
        for point in chain[1:-1]:
            points += [
                (centre_x(point), where[point][1]),
                (centre_x(point), where[point][1] + BOX_H),
            ]
        points.append((centre_x(chain[-1]), where[chain[-1]][1]))
        path = " ".join(f"{x:.0f},{y:.0f}" for x, y in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="#44505a" stroke-width="1.4" '
            f'marker-end="url(#arrow)"/>'
        )
    for box in boxes:
        x, y = where[box.key]
        node = (
            f'<g class="node"><title>{escape(box.label)}</title>'
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_W}" height="{BOX_H}" rx="6" '
            f'fill="{box.fill}" stroke="#44505a"/>'
            f'<text x="{x + BOX_W / 2:.0f}" y="{y + 23:.0f}" text-anchor="middle" '
            f'font-size="13" fill="#1c2530">{escape(_short(box.label))}</text>'
            f'<text x="{x + BOX_W / 2:.0f}" y="{y + 42:.0f}" text-anchor="middle" '
            f'font-size="11" fill="#44505a">{escape(_short(box.detail, 34))}</text></g>'
        )
        if box.url:
            node = f'<a href="{escape(box.url)}">{node}</a>'
        parts.append(node)
    parts.append("</svg>")
    return "".join(parts)


def consequence_diagram(scenario) -> str:
    """The scenario's consequence graph, nodes coloured by their risk band."""
    nodes = list(scenario.nodes.all())
    edges = list(scenario.links.values_list("source_id", "target_id"))
    boxes = [
        Box(
            node.pk,
            node.label,
            calendars.localize_digits(
                _("L %(l)s · S %(s)s") % {"l": node.likelihood, "s": node.severity}
            ),
            LEVEL_FILL[scoring.risk_level(node.likelihood, node.severity)],
            node.get_absolute_url(),
        )
        for node in nodes
    ]
    return layered_svg(boxes, edges, str(scenario))


def org_chart(posts) -> str:
    """Posts in rows by reporting depth, arrows from each post to its subordinates."""
    posts = list(posts)
    keys = {post.pk for post in posts}
    boxes = [
        Box(
            post.pk,
            post.title,
            ", ".join(holder.name for holder in post.holders.all()) or _("vacant"),
            LEVEL_FILL[None] if post.holders.all() else "#fdf3c7",
            post.get_absolute_url(),
        )
        for post in posts
    ]
    edges = [
        (post.reports_to_id, post.pk)
        for post in posts
        if post.reports_to_id and post.reports_to_id in keys
    ]
    return layered_svg(boxes, edges, _("Organisation chart"))


SERIES_COLOURS = ["#1b6e4f", "#2457a7", "#a35200", "#7a2e8c", "#1c2530"]


def line_chart(labels: list[str], series: list[tuple[str, list[float | None]]], top=5.0) -> str:
    """A small line chart of values 0..top over labelled points (drills by date)."""
    if not labels:
        return ""
    left, bottom, chart_h = 40, 40, 200
    step = max(90, 560 // max(1, len(labels) - 1))
    width = left + max(1, len(labels) - 1) * step + 160 + PAD
    height = chart_h + bottom + PAD
    # Outside the f-string: xgettext does not read calls inside one, so the title
    # never reached the catalogue.
    title = escape(_("Drill scores over time"))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" direction="ltr" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{title}</title>",
    ]

    def y_of(value: float) -> float:
        return PAD + chart_h - value / top * chart_h

    for tick in range(int(top) + 1):
        y = y_of(tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.0f}" x2="{left + (len(labels) - 1) * step}" '
            f'y2="{y:.0f}" stroke="#d6dde3"/><text x="{left - 8}" y="{y + 4:.0f}" '
            f'text-anchor="end" font-size="11">{calendars.localize_digits(str(tick))}</text>'
        )
    for index, label in enumerate(labels):
        parts.append(
            f'<text x="{left + index * step}" y="{PAD + chart_h + 20}" text-anchor="middle" '
            f'font-size="11">{escape(label)}</text>'
        )
    for number, (name, values) in enumerate(series):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        points = [
            f"{left + index * step},{y_of(value):.0f}"
            for index, value in enumerate(values)
            if value is not None
        ]
        if len(points) > 1:
            parts.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
                f'stroke-width="2"/>'
            )
        for point in points:
            x, y = point.split(",")
            parts.append(f'<circle cx="{x}" cy="{y}" r="3.5" fill="{colour}"/>')
        legend_y = PAD + 14 + number * 18
        legend_x = left + (len(labels) - 1) * step + 24
        parts.append(
            f'<rect x="{legend_x}" y="{legend_y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{legend_x + 16}" y="{legend_y}" font-size="12">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
