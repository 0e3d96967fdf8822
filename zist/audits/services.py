"""Audit rules and workflow: who may audit, the risk-based interval, the checklist and
turning findings into nonconformities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from zist.audits.models import (
    NONCONFORMITY_GRADES,
    Audit,
    AuditStatus,
    ChecklistItem,
    Finding,
    FindingGrade,
)
from zist.users.roles import Role

# Grants that make a unit "one's own" for independence: everything but auditing and
# reading.
NEUTRAL_ROLES = frozenset({Role.INTERNAL_AUDITOR, Role.EXTERNAL_AUDITOR, Role.VIEWER})


def is_qualified_auditor(user, external: bool = False) -> bool:
    """May `user` sit on an audit team?

    External audits: a certification body's auditor (an external auditor grant) is
    qualified by the body's accreditation; internal qualification also counts.
    Internal audits: the training records decide when the training app is installed
    (`zist.training.services.is_qualified_auditor`); without it, holding the internal
    auditor role does.
    """
    grants = {grant.role for grant in user.active_grants()}
    if external and Role.EXTERNAL_AUDITOR in grants:
        return True
    if apps.is_installed("zist.training"):
        try:
            from zist.training.services import is_qualified_auditor as trained
        except ImportError:
            trained = None
        if trained is not None:
            return bool(trained(user))
    return Role.INTERNAL_AUDITOR in grants


def own_units(user) -> list:
    """Units whose work is the user's own: the home unit and units of managing grants."""
    units = [user.home_unit] if user.home_unit_id else []
    units += [g.unit for g in user.active_grants() if g.role not in NEUTRAL_ROLES]
    return units


def team_problems(scope_units: Iterable, lead, team: Iterable, external: bool = False) -> list[str]:
    """Why this team may not audit this scope (empty when it may): every member must be
    a qualified auditor and none may audit units of their own inside the scope."""
    problems = []
    scope = list(scope_units)
    members = ([lead] if lead else []) + [m for m in team if m != lead]
    for member in members:
        if not is_qualified_auditor(member, external):
            problems.append(_("%(person)s is not a qualified auditor.") % {"person": member})
        clash = [
            unit for unit in own_units(member) if any(unit.path.startswith(s.path) for s in scope)
        ]
        if clash:
            problems.append(
                _("%(person)s would audit their own unit %(unit)s.")
                % {"person": member, "unit": clash[0]}
            )
    return problems


def recommended_interval_months(significant_aspects: int, previous_findings: int) -> int:
    """How often a unit should be audited, by risk: 6 months after major findings or
    many findings, 12 months with significant aspects or any finding, else 24."""
    if previous_findings >= 3:
        return 6
    if significant_aspects or previous_findings:
        return 12
    return 24


def _count_in_subtree(label: str, unit, **filters) -> int:
    """Objects of another app's model in `unit`'s subtree; 0 where that app is absent."""
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return 0
    field = getattr(model, "scope_field", "unit")
    try:
        return model._default_manager.filter(
            **{f"{field}__path__startswith": unit.path}, **filters
        ).count()
    except Exception:  # a field renamed by its owner must not break the programme page
        return 0


def unit_risk(unit, since: dt.date) -> dict:
    """Significant aspects and findings since `since` in the unit's subtree, the
    recommended interval, the last audit and when the next one is due."""
    significant = _count_in_subtree("aspects.Aspect", unit, significant=True)
    findings = Finding.objects.filter(
        unit__path__startswith=unit.path,
        audit__start_date__gte=since,
        grade__in=NONCONFORMITY_GRADES,
    ).count()
    months = recommended_interval_months(significant, findings)
    last = (
        Audit.objects.done()
        .filter(Q(unit=unit) | Q(scope_units=unit))
        .order_by("-start_date")
        .values_list("start_date", flat=True)
        .first()
    )
    due = add_months(last, months) if last else None
    return {
        "unit": unit,
        "significant_aspects": significant,
        "findings": findings,
        "interval": months,
        "last_audit": last,
        "next_due": due,
    }


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


def generate_checklist(audit: Audit) -> int:
    """One checklist item per clause in scope that has a guidance question; clauses
    already on the checklist are skipped. Returns the number of items added."""
    present = set(audit.checklist.values_list("clause_id", flat=True))
    clauses = audit.clauses.select_related("library").order_by("library", "sort_key")
    added = 0
    position = audit.checklist.count()
    for clause in clauses:
        if clause.pk in present or not clause.question:
            continue
        position += 1
        ChecklistItem.objects.create(
            audit=audit, clause=clause, question=clause.display_question, position=position
        )
        added += 1
    return added


def raise_nonconformity(finding: Finding, user=None):
    """The `Nonconformity` a major or minor finding is followed up as (created once)."""
    from zist.nonconformities.models import Nonconformity, SourceKind

    if finding.grade not in NONCONFORMITY_GRADES or finding.nonconformity_id:
        return finding.nonconformity
    clause = f"{finding.clause.number} " if finding.clause_id else ""
    with transaction.atomic():
        nc = Nonconformity.objects.create(
            unit=finding.unit,
            title=f"{clause}{finding.statement}"[:300],
            description=finding.evidence,
            grade=finding.grade,
            source_kind=SourceKind.AUDIT_FINDING,
            source=finding,
            reported_on=finding.audit.end_date or finding.audit.start_date,
            reported_by=user,
        )
        finding.nonconformity = nc
        finding.save(update_fields=["nonconformity", "last_updated"])
    return nc


def programme_progress(programme) -> dict:
    """Audits of a programme by status, and the share completed."""
    counts = {status: 0 for status in AuditStatus.values}
    for status in programme.audits.values_list("status", flat=True):
        counts[status] += 1
    planned = sum(counts.values()) - counts[AuditStatus.CANCELLED]
    done = counts[AuditStatus.COMPLETED]
    return {
        "counts": counts,
        "planned": planned,
        "done": done,
        "percent": round(100 * done / planned) if planned else 0,
    }


def findings_by_grade(findings) -> dict:
    counts = {grade: 0 for grade in FindingGrade.values}
    for grade in findings.values_list("grade", flat=True):
        counts[grade] += 1
    return counts
