"""Audit rules and workflow: who may audit, the risk-based interval, the checklist and
turning findings into nonconformities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zist.audits.models import (
    NONCONFORMITY_GRADES,
    Audit,
    AuditKind,
    AuditProgramme,
    AuditStatus,
    ChecklistItem,
    Finding,
    FindingGrade,
)
from zist.core import calendars
from zist.core.calendars import add_months
from zist.core.querysets import scope_paths
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


def interval_basis(significant_aspects: int, previous_findings: int) -> str:
    """Why `recommended_interval_months` gives the interval it gives, in words (keep
    the two in step)."""
    findings = ngettext(
        "%(count)s nonconformity found in the last three years",
        "%(count)s nonconformities found in the last three years",
        previous_findings,
    ) % {"count": calendars.localize_digits(str(previous_findings))}
    if previous_findings >= 3:
        return findings
    aspects = ngettext(
        "%(count)s significant aspect",
        "%(count)s significant aspects",
        significant_aspects,
    ) % {"count": calendars.localize_digits(str(significant_aspects))}
    if significant_aspects and previous_findings:
        return _("%(aspects)s and %(findings)s") % {"aspects": aspects, "findings": findings}
    if significant_aspects:
        return aspects
    if previous_findings:
        return findings
    return _("no significant aspects and no nonconformities in the last three years")


# Findings count towards a unit's risk for three years, on the programme page and in
# the plan alike.
RISK_WINDOW = dt.timedelta(days=3 * 365)


def risk_window_start(today: dt.date) -> dt.date:
    return today - RISK_WINDOW


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
        # A built-in question is kept as its source text and translated when read
        # (ChecklistItem.display_question); an own library's question as written.
        ChecklistItem.objects.create(
            audit=audit, clause=clause, question=clause.question, position=position
        )
        added += 1
    return added


def raise_nonconformity(finding: Finding, user=None):
    """The `Nonconformity` a major or minor finding is followed up as (created once)."""
    from zist.nonconformities.models import Nonconformity, SourceKind

    if finding.grade not in NONCONFORMITY_GRADES or finding.nonconformity_id:
        return finding.nonconformity
    # The title is the organisation's text from now on: its number in its digits.
    digits = calendars.language_digits(finding.unit.organisation.language)
    clause = (
        f"{calendars.localize_digits(finding.clause.number, digits)} " if finding.clause_id else ""
    )
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


# Planning a programme's internal audits from each unit's risk-based interval.


@dataclass(frozen=True)
class PlannedAudit:
    """An internal audit the risk-based interval calls for within a programme."""

    unit: object
    start_date: dt.date
    interval: int
    significant_aspects: int
    findings: int
    last_audit: dt.date | None
    next_due: dt.date | None

    @property
    def overdue(self) -> bool:
        """Due before the day it could be planned on (or never audited)."""
        return self.next_due is None or self.next_due < self.start_date

    @property
    def reason(self) -> str:
        return _("Every %(months)s months: %(basis)s.") % {
            "months": calendars.localize_digits(str(self.interval)),
            "basis": interval_basis(self.significant_aspects, self.findings),
        }


# Why a unit of the programme gets no audit from the plan.
AFTER_PERIOD = "after_period"
ALREADY_PLANNED = "already_planned"
NOT_PERMITTED = "not_permitted"


@dataclass(frozen=True)
class LeftOut:
    """A unit of the programme the plan creates no audit for, and why."""

    unit: object
    code: str
    next_due: dt.date | None = None

    @property
    def reason(self) -> str:
        return {
            AFTER_PERIOD: _("Next audit due after the programme ends."),
            ALREADY_PLANNED: _("Already has a planned or ongoing audit in the programme period."),
            NOT_PERMITTED: _("You may not add audits on this unit."),
        }[self.code]


@dataclass
class RiskPlan:
    """The audits a programme's period calls for (`planned`) and the units left out.
    `start` is inclusive, `end` exclusive."""

    start: dt.date
    end: dt.date
    planned: list[PlannedAudit] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)

    @property
    def last_day(self) -> dt.date:
        return self.end - dt.timedelta(days=1)


def plan_by_risk(
    risks: Iterable[dict], start: dt.date, end: dt.date, busy: Collection, today: dt.date
) -> RiskPlan:
    """Which units to audit when in the period [start, end).

    `risks` are `unit_risk` rows; `busy` the pks of units that already have a planned
    or ongoing audit in the period. A unit is audited on the day its interval makes it
    due; a unit never audited, or due before the period starts, as early as the plan
    allows: the period's start, or today once the period has begun (a planned audit
    is never dated in the past). Due after the period ends: not in this programme.
    """
    plan = RiskPlan(start, end)
    earliest = max(start, today)
    for risk in risks:
        unit = risk["unit"]
        if unit.pk in busy:
            plan.left_out.append(LeftOut(unit, ALREADY_PLANNED, risk["next_due"]))
            continue
        day = max(risk["next_due"] or earliest, earliest)
        if day >= end:
            plan.left_out.append(LeftOut(unit, AFTER_PERIOD, risk["next_due"]))
            continue
        plan.planned.append(
            PlannedAudit(
                unit=unit,
                start_date=day,
                interval=risk["interval"],
                significant_aspects=risk["significant_aspects"],
                findings=risk["findings"],
                last_audit=risk["last_audit"],
                next_due=risk["next_due"],
            )
        )
    plan.planned.sort(key=lambda item: item.start_date)
    return plan


def programme_period(programme) -> calendars.ReportingYear:
    """The reporting year the programme covers, as its organisation counts years."""
    organisation = programme.unit.organisation
    return calendars.reporting_year_by_label(
        programme.year,
        organisation.calendar,
        organisation.year_start_month,
        organisation.year_start_day,
    )


def programme_units(programme) -> list:
    """The units whose audit frequency a programme follows: its unit and the unit's
    direct subunits that are not archived."""
    children = programme.unit.children.filter(archived=False).order_by("name")
    return [programme.unit, *children]


def units_open_for_audit(user, units: Iterable) -> list:
    """Those of `units` on which `user` may add audits."""
    paths = scope_paths(user, Audit, "add")
    if paths is None:
        return list(units)
    return [unit for unit in units if any(unit.path.startswith(path) for path in paths)]


def units_with_open_audits(units: Iterable, start: dt.date, end: dt.date) -> set[int]:
    """Pks of `units` audited (as audited unit or unit in scope) by an audit planned in
    [start, end) or in progress and begun before `end`."""
    pks = {unit.pk for unit in units}
    open_audits = Audit.objects.filter(
        Q(status=AuditStatus.PLANNED, start_date__gte=start) | Q(status=AuditStatus.IN_PROGRESS),
        start_date__lt=end,
    )
    audited = set(open_audits.filter(unit__in=pks).values_list("unit", flat=True))
    audited |= set(open_audits.filter(scope_units__in=pks).values_list("scope_units", flat=True))
    return audited & pks


def risk_plan(programme, user, today: dt.date | None = None) -> RiskPlan:
    """The plan of `programme` for the units of it where `user` may add audits; the
    other units are listed as left out. PermissionDenied when there is none."""
    today = today or timezone.localdate()
    units = programme_units(programme)
    allowed = units_open_for_audit(user, units)
    if not allowed:
        raise PermissionDenied(_("You may not add audits on any unit of this programme."))
    period = programme_period(programme)
    since = risk_window_start(today)
    plan = plan_by_risk(
        [unit_risk(unit, since) for unit in allowed],
        period.start,
        period.end,
        units_with_open_audits(allowed, period.start, period.end),
        today,
    )
    plan.left_out += [LeftOut(unit, NOT_PERMITTED) for unit in units if unit not in allowed]
    return plan


def create_planned_audits(programme, user, today: dt.date | None = None) -> list[Audit]:
    """Create the audits of `risk_plan`, all or none: planned internal audits on the
    ISO 14001 clauses with their checklist, the team left to be chosen (the
    independence rules apply when people are named). Running it again creates nothing:
    the audits just planned keep their units busy for the period."""
    from zist.clauses.builtin import ISO14001
    from zist.clauses.models import Clause

    with transaction.atomic():
        # Two requests at once must not both plan the same units: the second waits
        # here and then finds them busy.
        list(AuditProgramme.objects.select_for_update().filter(pk=programme.pk).order_by())
        plan = risk_plan(programme, user, today)
        clauses = list(Clause.objects.filter(library__code=ISO14001["code"], library__builtin=True))
        year = calendars.localize_digits(str(programme.year))
        created = []
        for item in plan.planned:
            audit = Audit(
                programme=programme,
                unit=item.unit,
                title=(
                    _("Internal audit: %(unit)s, %(year)s") % {"unit": item.unit.name, "year": year}
                )[:200],
                kind=AuditKind.INTERNAL,
                status=AuditStatus.PLANNED,
                start_date=item.start_date,
                criteria=_(
                    "ISO 14001:2015, the unit's compliance obligations and the "
                    "organisation's procedures."
                ),
            )
            audit._history_user = user
            audit.save()
            audit.clauses.set(clauses)
            generate_checklist(audit)
            created.append(audit)
        pks = [audit.pk for audit in created]
        if Audit.objects.restrict(user, "add").filter(pk__in=pks).count() != len(pks):
            raise PermissionDenied(_("You may not place this record outside your units."))
    return created
