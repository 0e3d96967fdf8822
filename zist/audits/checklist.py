"""Recording an audit's checklist: who may record, saving the answers of one page all
or nothing, and raising a finding from an answer."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zist.audits.models import Audit, ChecklistItem, ChecklistResult, Finding, FindingGrade
from zist.audits.services import raise_nonconformity
from zist.core.querysets import scope_paths

# Answers a finding is raised from, and the grade the finding form starts with.
FINDING_RESULTS = {
    ChecklistResult.NONCONFORMS: FindingGrade.MINOR,
    ChecklistResult.OBSERVATION: FindingGrade.OBSERVATION,
}


def audit_team(audit: Audit) -> set[int]:
    """Pks of the audit's lead auditor and team members."""
    team = set(audit.team.values_list("pk", flat=True))
    if audit.lead_auditor_id:
        team.add(audit.lead_auditor_id)
    return team


def may_record(user, audit: Audit) -> bool:
    """May `user` record answers on the audit's checklist and raise findings from them?

    The roles decide where (changing checklist items on the audited unit); when the
    audit names its team in Zist, only the team records: the people audited, and
    colleagues who hold the same roles, read the results but do not write them. An
    audit without a team in Zist (a certification body's auditors without an account)
    is transcribed by those whose roles allow it.
    """
    paths = scope_paths(user, ChecklistItem, "change")
    if paths is None:
        return True
    if not any(audit.unit.path.startswith(path) for path in paths):
        return False
    team = audit_team(audit)
    return not team or user.pk in team


@dataclass(frozen=True)
class Answer:
    """What the auditor sent for one question: the result and notes, and the result
    and notes the page showed (to save only what they changed, and to notice that
    someone else changed it meanwhile)."""

    item: int
    result: str
    notes: str
    seen_result: str
    seen_notes: str

    @property
    def changed(self) -> bool:
        return (self.result, self.notes) != (self.seen_result, self.seen_notes)


def _clean_notes(text: str) -> str:
    # Browsers send line breaks of a textarea as CRLF.
    return text.replace("\r\n", "\n").strip()


def save_answers(audit: Audit, user, answers: list[Answer]) -> list[ChecklistItem]:
    """Save the answers the auditor changed, all or none, each changed item with its
    history row; returns the items saved. Raises `ValidationError` keyed by item pk
    when a question left the checklist or someone else changed an answer since the
    page was shown (nothing is saved then), `PermissionDenied` when the user may not
    record."""
    if not may_record(user, audit):
        raise PermissionDenied(_("Only the audit team records this checklist."))
    changed = [answer for answer in answers if answer.changed]
    with transaction.atomic():
        items = {
            item.pk: item
            for item in ChecklistItem.objects.select_for_update().filter(
                audit=audit, pk__in=[answer.item for answer in changed]
            )
        }
        errors: dict[str, list[str]] = {}
        for answer in changed:
            item = items.get(answer.item)
            if item is None:
                errors[str(answer.item)] = [_("This question was removed from the checklist.")]
                continue
            now = (item.result, _clean_notes(item.notes))
            if now not in {
                (answer.seen_result, _clean_notes(answer.seen_notes)),
                (answer.result, _clean_notes(answer.notes)),
            }:
                errors[str(answer.item)] = [
                    _(
                        "Someone else changed this answer while you were working "
                        "(now: %(result)s). Check it and save again."
                    )
                    % {"result": item.get_result_display()}
                ]
        if errors:
            raise ValidationError(errors)
        saved = []
        for answer in changed:
            item = items[answer.item]
            if item.assign({"result": answer.result, "notes": _clean_notes(answer.notes)}):
                item._history_user = user
                item.save()
                saved.append(item)
    return saved


def finding_units(audit: Audit, user):
    """The units a finding of `audit` may be placed on by `user`: the audited units
    where the user may add findings."""
    units = audit.audited_units()
    paths = scope_paths(user, Finding, "add")
    if paths is None:
        return units
    return [unit for unit in units if any(unit.path.startswith(path) for path in paths)]


def raise_finding(
    item: ChecklistItem, user, *, unit, grade: str, statement: str, evidence: str = ""
) -> Finding:
    """A finding of the item's audit on the item's clause, raised from its answer; a
    major or minor one is followed up as a nonconformity at once."""
    audit = item.audit
    if not may_record(user, audit) or unit not in finding_units(audit, user):
        raise PermissionDenied(_("Only the audit team raises findings on this audit."))
    with transaction.atomic():
        finding = Finding(
            audit=audit,
            unit=unit,
            clause=item.clause,
            grade=grade,
            statement=statement.strip(),
            evidence=evidence.strip(),
            checklist_item=item,
        )
        finding.full_clean()
        finding._history_user = user
        finding.save()
        raise_nonconformity(finding, user)
    return finding


def quick_entries(user):
    """Home page links: the checklists of open audits (planned or in progress) the
    user records, newest first."""
    from django.urls import reverse

    from zist.audits.models import AuditStatus
    from zist.core.navigation import QuickEntry

    if scope_paths(user, ChecklistItem, "change") == []:
        return []
    audits = (
        Audit.objects.restrict(user, "view")
        .filter(status__in=[AuditStatus.PLANNED, AuditStatus.IN_PROGRESS])
        .select_related("unit")
        .order_by("-start_date")[:20]
    )
    return [
        QuickEntry(
            _("Checklist: %(audit)s") % {"audit": audit.title},
            reverse("audits:audit_checklist", args=[audit.pk]),
            str(audit.unit),
        )
        for audit in audits
        if may_record(user, audit)
    ][:5]
