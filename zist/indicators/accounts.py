"""Green accounts: theme totals, a three-year trend, the per-unit breakdown and targets
for a unit subtree and reporting year, with the EMAS core indicators (A, B, R). One
data structure feeds the page, the CSV/XLSX download and the API."""

from __future__ import annotations

from decimal import Decimal

from zist.core.querysets import subtree_q
from zist.indicators.models import Category, Indicator
from zist.indicators.rollups import Figures, emas_core, indicators_for, year_period

TREND_YEARS = 3


def green_accounts(user, root, label: int, years: int = TREND_YEARS) -> dict:
    organisation = root.organisation
    periods = [year_period(organisation, label - back) for back in reversed(range(years))]
    figures = {p.label: Figures(user, root, p.start, p.end) for p in periods}
    current = figures[label]
    themes: dict[str, dict] = {}
    indicators = list(
        indicators_for(user, current.root)
        .filter(in_green_accounts=True)
        .order_by("category", "code")
    )
    objectives = objectives_by_indicator(user, current.root, indicators)
    for indicator in indicators:
        trend = [(p.label, figures[p.label].at(indicator)) for p in periods]
        value, previous = trend[-1][1], trend[-2][1] if len(trend) > 1 else None
        change = None
        if value is not None and previous:
            change = (value - previous) / abs(previous) * 100
        improved = None
        if change is not None:
            improved = change < 0 if indicator.direction == "lower" else change > 0
        target_met = None
        if indicator.target_value is not None and value is not None:
            target_met = (
                value <= indicator.target_value
                if indicator.direction == "lower"
                else value >= indicator.target_value
            )
        theme = themes.setdefault(
            indicator.category,
            {"key": indicator.category, "label": Category(indicator.category).label, "rows": []},
        )
        theme["rows"].append(
            {
                "indicator": indicator,
                "value": value,
                "trend": trend,
                "change": change,
                "improved": improved,
                "target": indicator.target_value,
                "target_year": indicator.target_year,
                "target_met": target_met,
                "objectives": objectives.get(indicator.pk, []),
                "breakdown": [
                    (child, current.at(indicator, child)) for child in current.children()
                ],
            }
        )
    order = [c.value for c in Category]
    return {
        "root": current.root,
        "year": label,
        "period": periods[-1],
        "years": [p.label for p in periods],
        "themes": sorted(themes.values(), key=lambda t: order.index(t["key"])),
        "emas": emas_core(user, current.root, periods[-1]),
    }


def objectives_by_indicator(user, root, indicators) -> dict[int, list]:
    """The objectives of the subtree that the user may see, measured by each of the
    indicators (when the objectives app is installed)."""
    relation = getattr(Indicator, "objectives", None)
    if relation is None or not indicators:
        return {}
    objectives = (
        relation.rel.related_model.objects.restrict(user, "view")
        .filter(subtree_q("unit", [root.path]), indicator__in=indicators)
        .select_related("unit")
        .order_by("unit__path", "code")
    )
    found: dict[int, list] = {}
    for objective in objectives:
        found.setdefault(objective.indicator_id, []).append(objective)
    return found


def _plain(value):
    return None if value is None else float(round(Decimal(value), 6))


def as_json(data: dict) -> dict:
    """The accounts for the API: ISO dates, plain numbers, ids and codes."""
    return {
        "unit": {"id": data["root"].pk, "name": data["root"].name},
        "year": data["year"],
        "period": {
            "start": data["period"].start.isoformat(),
            "end": data["period"].end.isoformat(),
        },
        "years": data["years"],
        "themes": [
            {
                "key": theme["key"],
                "label": str(theme["label"]),
                "indicators": [
                    {
                        "id": row["indicator"].pk,
                        "code": row["indicator"].code,
                        "name": row["indicator"].localized_name,
                        "unit_of_measure": row["indicator"].measure_unit,
                        "direction": row["indicator"].direction,
                        "value": _plain(row["value"]),
                        "trend": [{"year": y, "value": _plain(v)} for y, v in row["trend"]],
                        "change_percent": _plain(row["change"]),
                        "target": _plain(row["target"]),
                        "target_year": row["target_year"],
                        "objectives": [
                            {
                                "id": objective.pk,
                                "code": objective.code,
                                "unit": objective.unit_id,
                                "baseline": _plain(objective.baseline_value),
                                "target": _plain(objective.target_value),
                                "current": _plain(objective.current_value),
                                "deadline": objective.deadline.isoformat(),
                                "progress_percent": _plain(objective.progress),
                                "status": objective.status,
                            }
                            for objective in row["objectives"]
                        ],
                        "breakdown": [
                            {"unit": child.pk, "name": child.name, "value": _plain(v)}
                            for child, v in row["breakdown"]
                        ],
                    }
                    for row in theme["rows"]
                ],
            }
            for theme in data["themes"]
        ],
        "emas": [
            {
                "code": row["indicator"].code,
                "name": row["indicator"].localized_name,
                "a": _plain(row["a"]),
                "b": _plain(row["b"]),
                "r": _plain(row["r"]),
                "reference": row["reference"].code if row["reference"] else None,
            }
            for row in data["emas"]
        ],
    }


def as_rows(data: dict) -> tuple[list[str], list[list]]:
    """The accounts as one flat table for CSV/XLSX: a row per theme, indicator, unit
    and year (the subtree's trend, then the units' figures for the chosen year)."""
    from django.utils.translation import gettext as _

    header = [
        _("Theme"),
        _("Code"),
        _("Indicator"),
        _("Unit of measure"),
        _("Unit"),
        _("Year"),
        _("Value"),
        _("Target"),
    ]
    rows = []
    for theme in data["themes"]:
        for row in theme["rows"]:
            indicator = row["indicator"]
            base = [
                str(theme["label"]),
                indicator.code,
                indicator.localized_name,
                indicator.measure_unit,
            ]
            for year, value in row["trend"]:
                rows.append([*base, data["root"].name, year, _plain(value), _plain(row["target"])])
            for child, value in row["breakdown"]:
                rows.append([*base, child.name, data["year"], _plain(value), None])
    for row in data["emas"]:
        indicator = row["indicator"]
        base = [
            "EMAS",
            indicator.code,
            indicator.localized_name,
            indicator.measure_unit,
            data["root"].name,
            data["year"],
        ]
        rows.append([*base[:2], f"{base[2]} (A)", *base[3:], _plain(row["a"]), None])
        rows.append([*base[:2], f"{base[2]} (B)", *base[3:], _plain(row["b"]), None])
        rows.append([*base[:2], f"{base[2]} (R = A/B)", *base[3:], _plain(row["r"]), None])
    return header, rows
