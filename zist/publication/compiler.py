"""Compile a statement's content from the registers: EMAS Annex IV sections (a)–(h),
the green accounts by theme and the environment flower.

The result is plain JSON (numbers as decimal strings, dates as ISO text, names in
every language the registers hold), because a published statement stores it as its
snapshot and is shown from it ever after. The registers are read as a whole for the
statement's subtree (who may see the statement may see what it summarises); pages
that show a draft are restricted by the statement itself.
"""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q

from zist.core.querysets import subtree_q

TREND_YEARS = 3
LANGUAGES = ("en", "fa", "da", "fi")
# The EMAS core areas (Annex IV C.2) a statement must cover or explain.
CORE_AREAS = ("energy", "material", "water", "waste", "land", "emissions")


class System:
    """Reads everything: the statement covers its whole subtree."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None


SYSTEM = System()


def num(value) -> str | None:
    if value is None:
        return None
    # Fixed-point text: normalize() alone writes 3700 as "3.7E+3".
    return format(Decimal(value).quantize(Decimal("0.0001")).normalize(), "f")


def names(obj, field="name") -> dict:
    """A record's name in every language it holds ("" is the name as typed)."""
    result = {"": getattr(obj, field)}
    for language in LANGUAGES:
        value = getattr(obj, f"{field}_{language}", "")
        if value:
            result[language] = value
    return result


def compile_statement(statement) -> dict:
    from zist.organisations.models import Unit

    root = Unit.objects.select_related("organisation").get(pk=statement.unit_id)
    organisation = root.organisation
    units = list(Unit.objects.filter(path__startswith=root.path).order_by("path"))
    sites = [u for u in units if u.depth == root.depth + 1]
    from zist.indicators.rollups import year_period

    period = year_period(organisation, statement.year)
    data = {
        "year": statement.year,
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "organisation": _organisation(statement, root, sites),
        "policy": _policy(statement, root),
        "aspects": _aspects(statement, root, sites),
        "objectives": _objectives(root, period),
        "actions": _actions(root, period),
        "performance": _performance(statement, root, sites),
        "compliance": _compliance(statement, root, period),
        "verifier": _verifier(statement),
    }
    data["accounts"], data["flower"] = _accounts(root, statement.year)
    return data


def _site_of(path: str, sites) -> int | None:
    for site in sites:
        if path.startswith(site.path):
            return site.pk
    return None


def _organisation(statement, root, sites) -> dict:
    scope = None
    try:
        from zist.context.models import ScopeStatement

        scope = (
            ScopeStatement.objects.filter(subtree_q("unit", [root.path]) | Q(unit=root))
            .filter(status="current")
            .order_by("unit__depth", "-version")
            .first()
        )
    except ImportError:  # pragma: no cover - the context app is always installed
        pass
    return {
        "name": root.organisation.name,
        "unit": root.name,
        "description": root.organisation.description or root.description,
        "activities": statement.activities or (scope.activities if scope else ""),
        "parent": statement.parent_organisation,
        "registration": statement.registration,
        "scope": scope.boundaries if scope else "",
        "sites": [
            {"id": site.pk, "name": site.name, "code": site.code, "kind": site.kind}
            for site in sites
        ],
    }


def _policy(statement, root) -> dict:
    from zist.documents.models import DocumentVersion

    ancestors = [root.path[:end] for end in range(root.steplen, len(root.path) + 1, root.steplen)]
    versions = (
        DocumentVersion.objects.published()
        .filter(document__doc_type="policy")
        .filter(subtree_q("document__unit", [root.path]) | Q(document__unit__path__in=ancestors))
        .select_related("document")
        .order_by("document__unit__path", "document__code")
    )
    return {
        "documents": [
            {
                "document": v.document_id,
                "code": v.document.code,
                "title": v.document.title,
                "version": v.number,
                "published": v.published_at.date().isoformat() if v.published_at else None,
                "public": v.document.public,
                "text": v.content[:4000],
            }
            for v in versions
        ],
        "governance": statement.governance,
    }


def _aspects(statement, root, sites) -> dict:
    from zist.aspects.models import Aspect, CriteriaSet

    aspects = (
        Aspect.objects.filter(subtree_q("activity__unit", [root.path]), significant=True)
        .select_related("activity__unit", "criteria_set")
        .prefetch_related("impacts")
        .order_by("activity__unit__path", "activity__code", "pk")
    )
    rows = []
    used_sets = set()
    for aspect in aspects:
        unit = aspect.activity.unit
        if aspect.criteria_set_id:
            used_sets.add(aspect.criteria_set_id)
        rows.append(
            {
                "id": aspect.pk,
                "name": aspect.name,
                "activity": aspect.activity.name,
                "unit": unit.name,
                "site": _site_of(unit.path, sites),
                "control": aspect.control,
                "condition": aspect.condition,
                "life_cycle_stage": aspect.life_cycle_stage,
                "impact": aspect.impact,
                "impacts": [
                    {"category": i.category, "description": i.description, "effect": i.effect}
                    for i in aspect.impacts.all()
                ],
                "score": num(aspect.score),
                "basis": aspect.significance_basis,
                "reason": aspect.significance_reason,
            }
        )
    sets = CriteriaSet.objects.filter(
        Q(pk__in=used_sets) | Q(unit=root) | subtree_q("unit", [root.path])
    ).prefetch_related("criteria")
    return {
        "method": statement.significance_method,
        "criteria_sets": [
            {
                "name": cs.name,
                "method": cs.method,
                "threshold": num(cs.threshold),
                "criteria": [
                    {"name": c.name, "weight": num(c.weight), "min": c.minimum, "max": c.maximum}
                    for c in cs.criteria.all()
                ],
            }
            for cs in sets.distinct()
        ],
        "significant": rows,
    }


def _objectives(root, period) -> list:
    from zist.objectives.models import Objective

    objectives = (
        Objective.objects.filter(subtree_q("unit", [root.path]))
        .select_related("unit", "indicator")
        .order_by("unit__path", "code")
    )
    return [
        {
            "code": o.code,
            "statement": o.statement,
            "unit": o.unit.name,
            "scope": o.scope,
            "indicator": o.indicator.code if o.indicator_id else None,
            "measure_unit": o.measure_unit or (o.indicator.measure_unit if o.indicator_id else ""),
            "baseline": num(o.baseline_value),
            "baseline_year": o.baseline_year,
            "target": num(o.target_value),
            "current": num(o.current_value),
            "deadline": o.deadline.isoformat(),
            "progress": num(o.progress),
            "status": o.status,
        }
        for o in objectives
    ]


def _actions(root, period) -> dict:
    from zist.actions.models import Action

    actions = (
        Action.objects.filter(subtree_q("unit", [root.path]))
        .exclude(status="cancelled")
        .select_related("unit", "source_type")
        .order_by("unit__path", "due_date", "pk")
    )
    done = actions.filter(
        status="done", completed_on__gte=period.start, completed_on__lt=period.end
    )
    planned = actions.filter(status__in=("open", "in_progress"))

    def row(a):
        return {
            "title": a.title,
            "unit": a.unit.name,
            "kind": a.kind,
            "due": a.due_date.isoformat() if a.due_date else None,
            "completed": a.completed_on.isoformat() if a.completed_on else None,
            "legal": bool(a.source_type_id and a.source_type.app_label == "obligations"),
        }

    return {"done": [row(a) for a in done[:200]], "planned": [row(a) for a in planned[:200]]}


def _source_of(indicator, figures) -> str:
    """Where an indicator's figure comes from, as a reader can trace it."""
    from zist.indicators.models import IndicatorValue

    if indicator.source == "meters":
        from zist.meters.models import Meter

        count = Meter.objects.filter(
            subtree_q("unit", [figures.root.path]), indicator=indicator
        ).count()
        return f"meters:{count}"
    if indicator.source == "entered":
        count = IndicatorValue.objects.filter(
            subtree_q("unit", [figures.root.path]),
            indicator=indicator,
            period_start__gte=figures.start,
            period_start__lt=figures.end,
        ).count()
        return f"entered:{count}"
    if indicator.source == "formula":
        return f"formula:{indicator.formula}"
    return f"{indicator.source}:"


def _performance(statement, root, sites) -> dict:
    from zist.indicators.models import Indicator, settings_for
    from zist.indicators.rollups import Figures, indicators_for, year_period

    organisation = root.organisation
    years = [statement.year - back for back in reversed(range(TREND_YEARS))]
    settings = settings_for(root)
    reference = settings.emas_reference if settings else None
    core = list(indicators_for(SYSTEM, root).filter(emas_core=True).order_by("category", "code"))
    rows = []
    per_site = []
    figures_by_year = {}
    for year in years:
        period = year_period(organisation, year)
        figures_by_year[year] = Figures(SYSTEM, root, period.start, period.end, restricted=False)
    current = figures_by_year[statement.year]
    for indicator in core:
        trend = []
        for year in years:
            figures = figures_by_year[year]
            a = figures.at(indicator)
            b = figures.at(reference) if reference else None
            r = None if a is None or not b else a / b
            trend.append(
                {
                    "year": year,
                    "a": num(a),
                    "b": num(b),
                    "r": None if r is None else num(r),
                    "source": _source_of(indicator, figures) if a is not None else "",
                }
            )
        rows.append(
            {
                "code": indicator.code,
                "names": names(indicator),
                "category": indicator.category,
                "measure_unit": indicator.measure_unit,
                "years": trend,
            }
        )
        per_site.append(
            {
                "code": indicator.code,
                "values": {str(site.pk): num(current.at(indicator, site)) for site in sites},
                "own": num(_own_remainder(current, indicator, sites)),
            }
        )
    reasons = _omission_reasons(statement.omissions)
    covered = {row["category"] for row in rows if any(y["a"] for y in row["years"])}
    omitted = [
        {"area": area, "reason": reasons.get(area, "")}
        for area in CORE_AREAS
        if area not in covered
    ]
    return {
        "years": years,
        "reference": (
            {"code": reference.code, "names": names(reference), "unit": reference.measure_unit}
            if reference
            else None
        ),
        "core": rows,
        "omitted": omitted,
        "sites": per_site,
        "site_notes": statement.site_notes,
        "specific": [
            {
                "code": i.code,
                "names": names(i),
                "measure_unit": i.measure_unit,
                "value": num(current.at(i)),
            }
            for i in Indicator.objects.filter(pk__in=indicators_for(SYSTEM, root).values("pk"))
            .filter(emas_core=False, in_green_accounts=True)
            .order_by("category", "code")
        ],
    }


def _own_remainder(figures, indicator, children):
    """The part of the root's figure held by no unit below it (data of the root unit
    itself, e.g. the city's water supply metered at the municipality)."""
    total = figures.at(indicator)
    if total is None:
        return None
    parts = [figures.at(indicator, child) for child in children]
    rest = total - sum((p for p in parts if p is not None), Decimal(0))
    return rest if rest else None


def _omission_reasons(text: str) -> dict:
    reasons = {}
    for line in (text or "").splitlines():
        key, sep, reason = line.partition(":")
        if sep and key.strip():
            reasons[key.strip().lower()] = reason.strip()
    return reasons


def _compliance(statement, root, period) -> dict:
    from zist.obligations.models import LEGAL_KINDS, ComplianceEvaluation, Obligation

    obligations = (
        Obligation.objects.filter(subtree_q("unit", [root.path]), active=True)
        .filter(kind__in=LEGAL_KINDS)
        .order_by("reference", "pk")
    )
    evaluations = ComplianceEvaluation.objects.filter(
        subtree_q("unit", [root.path]),
        evaluated_on__gte=period.start,
        evaluated_on__lt=period.end,
    )
    results = dict(evaluations.values_list("result").annotate(n=Count("pk")).order_by("result"))
    return {
        "provisions": [
            {
                "reference": o.reference,
                "title": o.title,
                "kind": o.kind,
                "last_result": o.last_result,
                "last_evaluated": o.last_evaluated_on.isoformat() if o.last_evaluated_on else None,
            }
            for o in obligations[:200]
        ],
        "evaluations": results,
        "evaluated": sum(results.values()),
        "statement": statement.compliance_statement,
    }


def _verifier(statement) -> dict:
    return {
        "name": statement.verifier_name,
        "accreditation": statement.verifier_accreditation,
        "validated_on": statement.validated_on.isoformat() if statement.validated_on else None,
        "declaration": statement.declaration,
        "next_statement_on": (
            statement.next_statement_on.isoformat() if statement.next_statement_on else None
        ),
    }


def _accounts(root, year) -> tuple[list, list]:
    """The green accounts by theme (the organisation's themes, data) and the flower."""
    from zist.indicators.rollups import Figures, year_period
    from zist.publication.models import Theme

    organisation = root.organisation
    ancestors = [root.path[:end] for end in range(root.steplen, len(root.path) + 1, root.steplen)]
    themes = list(
        Theme.objects.filter(unit__path__in=ancestors)
        .select_related("headline")
        .prefetch_related("indicators")
        .order_by("order", "key")
    )
    years = [year - back for back in reversed(range(TREND_YEARS))]
    figures = {}
    for label in years:
        period = year_period(organisation, label)
        figures[label] = Figures(SYSTEM, root, period.start, period.end, restricted=False)
    current = figures[year]
    children = current.children()
    accounts, flower = [], []
    for theme in themes:
        indicators = list(theme.indicators.all().order_by("code"))
        if theme.headline and theme.headline not in indicators:
            indicators.insert(0, theme.headline)
        rows = []
        for indicator in indicators:
            trend = [{"year": y, "value": num(figures[y].at(indicator))} for y in years]
            breakdown = [{"unit": c.name, "value": num(current.at(indicator, c))} for c in children]
            own = _own_remainder(current, indicator, children)
            rows.append(
                {
                    "code": indicator.code,
                    "names": names(indicator),
                    "measure_unit": indicator.measure_unit,
                    "direction": indicator.direction,
                    "formula": indicator.formula,
                    "target": num(indicator.target_value),
                    "target_year": indicator.target_year,
                    "trend": trend,
                    "breakdown": breakdown if indicator.source != "formula" else [],
                    "own": num(own) if indicator.source != "formula" else None,
                }
            )
        change = None
        if theme.headline:
            value = current.at(theme.headline)
            before = figures[year - 1].at(theme.headline)
            if value is not None and before:
                change = (value - before) / abs(before) * 100
        status = theme.status_for(change, theme.headline.direction if theme.headline else "lower")
        accounts.append(
            {
                "key": theme.key,
                "names": names(theme),
                "goal": theme.goal,
                "includes": theme.includes,
                "rows": rows,
            }
        )
        flower.append(
            {
                "key": theme.key,
                "names": names(theme),
                "status": status,
                "change": num(change),
                "better_percent": num(theme.better_percent),
                "worse_percent": num(theme.worse_percent),
            }
        )
    return accounts, flower
