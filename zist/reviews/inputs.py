"""The inputs of a management review, compiled from whatever registers are installed.

Other apps (context, obligations, aspects, risks, objectives, indicators,
communication…) are built alongside this one, so each is looked up defensively:
a register that is not installed is reported as such, never an error. Every count is
limited to the review's unit subtree and, for changes, to its period.
"""

from __future__ import annotations

import datetime as dt

from django.apps import apps
from django.db.models import Count, Q
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

# (section key, [(model label, date field for "in the period" or None, choice
#  field to break down or None, extra filter)])
SOURCES = [
    ("issues", [("context.Issue", None, "status", {})]),
    ("parties", [("context.InterestedParty", None, None, {}), ("context.Need", None, None, {})]),
    ("obligations", [("obligations.Obligation", None, "kind", {})]),
    ("aspects", [("aspects.Aspect", None, None, {"significant": True})]),
    ("risks", [("risks.Risk", None, "status", {})]),
    ("objectives", [("objectives.Objective", None, "status", {})]),
    ("performance", [("indicators.IndicatorValue", "period_start", None, {})]),
    ("compliance", [("obligations.ComplianceEvaluation", "evaluated_on", "result", {})]),
    ("communications", [
        ("communication.Communication", "date", "kind", {}),
        ("communication.Inquiry", None, "kind", {}),
    ]),
]  # fmt: skip


def titles() -> dict[str, str]:
    """Section titles in the active language, in the order of clause 9.3."""
    return {
        "previous_actions": _("Status of actions from previous management reviews"),
        "issues": _("Changes in external and internal issues"),
        "parties": _("Changes in the needs and expectations of interested parties"),
        "obligations": _("Changes in compliance obligations"),
        "aspects": _("Changes in significant environmental aspects"),
        "risks": _("Changes in risks and opportunities"),
        "objectives": _("Extent to which objectives have been achieved"),
        "performance": _("Environmental performance: monitoring and measurement results"),
        "nonconformities": _("Nonconformities and corrective actions"),
        "audits": _("Audit results"),
        "compliance": _("Results of compliance evaluations"),
        "communications": _("Communications from interested parties, including complaints"),
        "resources": _("Adequacy of resources"),
        "opportunities": _("Opportunities for continual improvement"),
    }


def history_text(value) -> str:
    """Compiled inputs as the review's history shows them: when they were compiled and
    which inputs of clause 9.3 they hold (the minutes show them in full)."""
    from zist.core.calendars import format_date
    from zist.core.display import EMPTY

    if not isinstance(value, dict) or not value:
        return EMPTY
    lines = []
    try:
        compiled = dt.date.fromisoformat(str(value.get("compiled", "")))
    except ValueError:
        compiled = None
    if compiled is not None:
        lines.append(_("Compiled on %(date)s") % {"date": format_date(compiled)})
    names = titles()
    for section in value.get("sections") or []:
        if isinstance(section, dict) and section.get("key") in names:
            lines.append(str(names[section["key"]]))
    return "\n".join(lines) or EMPTY


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _in_subtree(model, unit) -> Q:
    field = getattr(model, "scope_field", "unit")
    prefix = f"{field}__" if field else ""
    return Q(**{f"{prefix}path__startswith": unit.path})


def _breakdown(queryset, field_name: str | None) -> list[list]:
    if not field_name:
        return []
    try:
        field = queryset.model._meta.get_field(field_name)
    except Exception:
        return []
    labels = dict(field.flatchoices) if field.choices else {}
    rows = queryset.order_by().values(field_name).annotate(n=Count("pk")).order_by(field_name)
    return [[str(labels.get(row[field_name], row[field_name] or "—")), row["n"]] for row in rows]


def register_summary(label, unit, start, end, date_field=None, choice=None, extra=None) -> dict:
    """Counts for one register: in scope, new and changed in the period, and a
    breakdown by a choice field. `available` is False when the app is not installed."""
    model = _model(label)
    if model is None:
        return {"label": label, "available": False}
    try:
        scoped = model._default_manager.filter(_in_subtree(model, unit), **(extra or {}))
        if date_field:
            in_period = scoped.filter(**{f"{date_field}__range": (start, end)})
            return {
                "label": str(capfirst(model._meta.verbose_name_plural)),
                "available": True,
                "in_period": in_period.count(),
                "breakdown": _breakdown(in_period, choice),
            }
        end_of_period = timezone.make_aware(
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min)
        )
        start_of_period = timezone.make_aware(dt.datetime.combine(start, dt.time.min))
        created = scoped.filter(created__gte=start_of_period, created__lt=end_of_period)
        changed = scoped.filter(
            last_updated__gte=start_of_period, last_updated__lt=end_of_period
        ).exclude(pk__in=created.values("pk"))
        return {
            "label": str(capfirst(model._meta.verbose_name_plural)),
            "available": True,
            "total": scoped.count(),
            "new": created.count(),
            "changed": changed.count(),
            "breakdown": _breakdown(scoped, choice),
        }
    except Exception:  # another app's model changed shape: report, do not break
        return {"label": label, "available": False}


def _previous_actions(review) -> dict:
    from zist.actions.models import Action
    from zist.reviews.models import ManagementReview

    previous = ManagementReview.objects.filter(
        unit=review.unit, meeting_date__lt=review.meeting_date
    ).exclude(pk=review.pk)
    actions = Action.objects.filter(
        source_type__app_label="reviews",
        source_type__model="managementreview",
        source_id__in=list(previous.values_list("pk", flat=True)),
    )
    return {
        "label": str(capfirst(Action._meta.verbose_name_plural)),
        "available": True,
        "total": actions.count(),
        "breakdown": _breakdown(actions, "status"),
        "open": [a.title for a in actions.filter(status__in=("open", "in_progress"))[:20]],
    }


def _nonconformities(review) -> list[dict]:
    from zist.actions.models import Action

    rows = [
        register_summary(
            "nonconformities.Nonconformity",
            review.unit,
            review.period_start,
            review.period_end,
            choice="status",
        )
    ]
    corrective = Action.objects.filter(
        unit__path__startswith=review.unit.path, kind__in=("corrective", "correction")
    )
    rows.append(
        {
            "label": _("Corrections and corrective actions"),
            "available": True,
            "total": corrective.count(),
            "overdue": corrective.overdue(review.period_end).count(),
            "breakdown": _breakdown(corrective, "status"),
        }
    )
    return rows


def _audits(review) -> list[dict]:
    from zist.audits.models import Finding

    audits = register_summary(
        "audits.Audit",
        review.unit,
        review.period_start,
        review.period_end,
        date_field="start_date",
        choice="kind",
    )
    findings = Finding.objects.filter(
        unit__path__startswith=review.unit.path,
        audit__start_date__range=(review.period_start, review.period_end),
    )
    return [
        audits,
        {
            "label": _("Findings"),
            "available": True,
            "in_period": findings.count(),
            "breakdown": _breakdown(findings, "grade"),
        },
    ]


def _opportunities(review) -> list[dict]:
    from zist.audits.models import Finding

    found = Finding.objects.filter(
        unit__path__startswith=review.unit.path,
        grade="opportunity",
        audit__start_date__range=(review.period_start, review.period_end),
    )
    return [
        {
            "label": _("Opportunities for improvement found by audits"),
            "available": True,
            "in_period": found.count(),
            "items": [f.statement[:200] for f in found[:20]],
        }
    ]


def compile_inputs(review) -> dict:
    """Every input of clause 9.3 for the review, as plain data (kept in the minutes),
    worded in the organisation's language like the rest of its minutes: compiled by
    `zist demo` or a background job, they are not in whatever language was active."""
    with translation.override(review.unit.organisation.language):
        return _compile(review)


def _compile(review) -> dict:
    start, end, unit = review.period_start, review.period_end, review.unit
    sections = {"previous_actions": [_previous_actions(review)]}
    for key, sources in SOURCES:
        sections[key] = [
            register_summary(label, unit, start, end, date_field, choice, extra)
            for label, date_field, choice, extra in sources
        ]
    sections["nonconformities"] = _nonconformities(review)
    sections["audits"] = _audits(review)
    sections["resources"] = [{"label": "", "available": True, "text": review.resources}]
    sections["opportunities"] = _opportunities(review)
    names = titles()
    return {
        "compiled": dt.date.today().isoformat(),
        "sections": [{"key": key, "title": names[key], "rows": sections[key]} for key in names],
    }
