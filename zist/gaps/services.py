"""Gap assessment services: the answers an assessment holds, answers carried from an
earlier assessment or version, evidence suggested from the registers, gaps turned into
actions, and progress.

Progress (worked examples in tests/test_progress.py): per clause group, of the
requirements that apply (all but "not applicable"), the share answered, and the score
100 × (conforming + ½ × partly) / applicable. A requirement not answered here but
answered in another assessment of the same unit on a mapped requirement (decision
0023) counts with that answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import yaml
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zist.actions.models import Action, ActionKind
from zist.clauses.models import Clause
from zist.clauses.services import mapped_urns
from zist.core.querysets import scope_paths, subtree_q
from zist.gaps.models import Answer, Assessment, EvidenceLink, Status

RULES = Path(__file__).parent / "data" / "evidence_rules.yaml"


def leaf_requirements(library) -> list[Clause]:
    """The requirements of `library` that are answered: those without sub-requirements
    (a clause group is answered through its parts)."""
    clauses = list(library.clauses.order_by("sort_key"))
    parents = {c.parent_id for c in clauses if c.parent_id}
    return [c for c in clauses if c.pk not in parents]


def _unchanged(old: Clause, new: Clause) -> bool:
    return (old.title, old.question, old.documented) == (new.title, new.question, new.documented)


@transaction.atomic
def ensure_answers(assessment: Assessment, user=None) -> int:
    """Give the assessment one answer per answerable requirement, carrying over from
    `based_on` the answers (and evidence) of requirements with the same URN whose text
    did not change; returns how many answers were created."""
    have = set(assessment.answers.values_list("requirement_id", flat=True))
    previous: dict[str, Answer] = {}
    if assessment.based_on_id:
        previous = {
            a.requirement.urn: a
            for a in assessment.based_on.answers.select_related("requirement").prefetch_related(
                "evidence"
            )
            if a.requirement.urn
        }
    created = 0
    for requirement in leaf_requirements(assessment.library):
        if requirement.pk in have:
            continue
        answer = Answer(assessment=assessment, requirement=requirement)
        old = previous.get(requirement.urn)
        if old is not None and _unchanged(old.requirement, requirement):
            answer.status, answer.maturity = old.status, old.maturity
            answer.reason, answer.notes = old.reason, old.notes
        answer._history_user = user
        answer.save()
        created += 1
        if old is not None and _unchanged(old.requirement, requirement):
            for link in old.evidence.all():
                copy = EvidenceLink(
                    answer=answer,
                    target_type_id=link.target_type_id,
                    target_id=link.target_id,
                    suggested=link.suggested,
                )
                copy._history_user = user
                copy.save()
    return created


# --- Evidence -----------------------------------------------------------------------


@cache
def rules() -> list[dict]:
    """The evidence rules (data/evidence_rules.yaml)."""
    return yaml.safe_load(RULES.read_text(encoding="utf-8"))["rules"]


def _period(assessment: Assessment) -> tuple[dt.date, dt.date]:
    start = assessment.period_start or assessment.assessed_on - dt.timedelta(days=365)
    return start, assessment.assessed_on


def suggestions(assessment: Assessment, user, limit: int = 5) -> dict[str, list]:
    """Records the rules find for each requirement URN of the assessment's library:
    only records `user` may see, in the assessed unit's subtree."""
    urns = set(assessment.library.clauses.values_list("urn", flat=True))
    start, end = _period(assessment)
    found: dict[str, list] = {}
    for rule in rules():
        if rule["requirement"] not in urns:
            continue
        model = apps.get_model(rule["model"])
        rows = model.objects.restrict(user, "view").filter(
            subtree_q(rule.get("unit", "unit"), [assessment.unit.path]),
            **rule.get("filter", {}),
        )
        if rule.get("date"):
            date = rule["date"]
            rows = rows.filter(**{f"{date}__gte": start, f"{date}__lte": end}).order_by(f"-{date}")
        rows = list(rows[: 1 if rule.get("latest") else limit])
        found.setdefault(rule["requirement"], []).extend(rows)
    return found


def visible(record, user) -> bool:
    """May `user` see `record`? (Evidence links point anywhere; readers see only what
    their roles let them see.)"""
    model = type(record)
    return model.objects.restrict(user, "view").filter(pk=record.pk).exists()


def visible_evidence(links, user) -> list[tuple[EvidenceLink, object]]:
    """The links whose record `user` may see, with the record; one query per register."""
    by_type: dict[int, list[EvidenceLink]] = {}
    for link in links:
        by_type.setdefault(link.target_type_id, []).append(link)
    shown = []
    for type_id, group in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        records = model.objects.restrict(user, "view").in_bulk([link.target_id for link in group])
        shown += [(link, records[link.target_id]) for link in group if link.target_id in records]
    return shown


def link(answer: Answer, record, user, *, suggested: bool = False) -> EvidenceLink | None:
    """Link `record` (which `user` must be able to see) as evidence of `answer`; None
    when it is linked already."""
    if not visible(record, user):
        raise PermissionDenied(_("You cannot see this record."))
    target_type = ContentType.objects.get_for_model(record)
    if EvidenceLink.objects.filter(
        answer=answer, target_type=target_type, target_id=record.pk
    ).exists():
        return None
    evidence = EvidenceLink(
        answer=answer, target_type=target_type, target_id=record.pk, suggested=suggested
    )
    evidence.full_clean()
    evidence._history_user = user
    evidence.save()
    return evidence


@transaction.atomic
def link_suggestions(assessment: Assessment, user) -> int:
    """Link every suggested record as evidence of its requirement; returns how many
    links were added."""
    found = suggestions(assessment, user)
    added = 0
    for answer in assessment.answers.select_related("requirement"):
        for record in found.get(answer.requirement.urn, []):
            if link(answer, record, user, suggested=True):
                added += 1
    return added


# --- Answers and actions ------------------------------------------------------------


@dataclass(frozen=True)
class Sent:
    """What the page sent for one answer, and what it showed (to save only what was
    changed and to notice a change made meanwhile by someone else)."""

    answer: int
    values: dict
    seen: dict

    @property
    def changed(self) -> bool:
        return self.values != self.seen


FIELDS = ("status", "maturity", "reason", "notes")


def _clean_text(value):
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


def may_answer(user, assessment: Assessment) -> bool:
    paths = scope_paths(user, Answer, "change")
    return paths is None or any(assessment.unit.path.startswith(path) for path in paths)


def save_answers(assessment: Assessment, user, sent: list[Sent]) -> list[Answer]:
    """Save the answers changed on the page, all or none, each with its history row.
    Raises `ValidationError` keyed by answer pk (someone changed it meanwhile, or it is
    invalid), `PermissionDenied` when the user may not answer."""
    if not may_answer(user, assessment):
        raise PermissionDenied(_("You may not answer this assessment."))
    changed = [item for item in sent if item.changed]
    with transaction.atomic():
        answers = Answer.objects.select_for_update().filter(
            assessment=assessment, pk__in=[item.answer for item in changed]
        )
        answers = {a.pk: a for a in answers.select_related("assessment__library")}
        errors: dict[str, list[str]] = {}
        saved = []
        for item in changed:
            answer = answers.get(item.answer)
            if answer is None:
                errors[str(item.answer)] = [_("This requirement left the assessment.")]
                continue
            now = {name: _clean_text(getattr(answer, name)) for name in item.seen}
            seen = {name: _clean_text(value) for name, value in item.seen.items()}
            values = {name: _clean_text(value) for name, value in item.values.items()}
            if now not in (seen, values):
                errors[str(item.answer)] = [
                    _(
                        "Someone else changed this answer while you were working "
                        "(now: %(status)s). Check it and save again."
                    )
                    % {"status": answer.get_status_display()}
                ]
                continue
            if answer.assign(values):
                try:
                    answer.full_clean()
                except ValidationError as error:
                    errors[str(item.answer)] = error.messages
                    continue
                answer._history_user = user
                saved.append(answer)
        if errors:
            raise ValidationError(errors)
        for answer in saved:
            answer.save()
    return saved


def gap_to_action(answer: Answer, user) -> Action:
    """An action on the assessed unit to close the gap of `answer` (its source), or the
    open one already made from it."""
    existing = Action.objects.for_source(answer).open().first()
    if existing is not None:
        return existing
    if answer.status not in (Status.GAP, Status.PARTLY):
        raise ValidationError(_("Only a gap or a partly met requirement becomes an action."))
    unit = answer.assessment.unit
    paths = scope_paths(user, Action, "add")
    if paths is not None and not any(unit.path.startswith(path) for path in paths):
        raise PermissionDenied(_("You may not add actions on this unit."))
    action = Action(
        unit=unit,
        title=_("Close the gap: %(requirement)s") % {"requirement": answer.requirement},
        description=answer.notes,
        kind=ActionKind.CORRECTIVE,
        source=answer,
    )
    action.full_clean()
    action._history_user = user
    action.save()
    return action


# --- Progress -----------------------------------------------------------------------

SCORED = (Status.CONFORMS, Status.PARTLY, Status.GAP)


@dataclass
class Progress:
    """Counts for a clause group (or the whole assessment) and the figures from them."""

    number: str
    title: str
    counts: dict = field(default_factory=lambda: {s.value: 0 for s in Status})
    mapped: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def applicable(self) -> int:
        return self.total - self.counts[Status.NOT_APPLICABLE]

    @property
    def answered_percent(self) -> Decimal | None:
        if not self.applicable:
            return None
        answered = self.applicable - self.counts[Status.NOT_ASSESSED]
        return _percent(Decimal(answered), self.applicable)

    @property
    def score(self) -> Decimal | None:
        if not self.applicable:
            return None
        points = self.counts[Status.CONFORMS] + Decimal("0.5") * self.counts[Status.PARTLY]
        return _percent(points, self.applicable)


def _percent(part: Decimal, whole: int) -> Decimal:
    return (100 * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def mapped_statuses(assessment: Assessment, urns) -> dict[str, str]:
    """For requirement URNs, the status answered on a mapped requirement in another
    assessment of the same unit on or before this one's date (the newest wins)."""
    mapping = mapped_urns(urns)
    targets = {t for ts in mapping.values() for t in ts}
    if not targets:
        return {}
    others = (
        Answer.objects.filter(
            assessment__unit=assessment.unit,
            assessment__assessed_on__lte=assessment.assessed_on,
            requirement__urn__in=targets,
        )
        .exclude(assessment=assessment)
        .exclude(status=Status.NOT_ASSESSED)
        .order_by("assessment__assessed_on", "pk")
        .values_list("requirement__urn", "status")
    )
    newest = dict(others)
    result = {}
    for urn, mapped in mapping.items():
        for target in sorted(mapped):
            if target in newest:
                result[urn] = newest[target]
    return result


def effective_statuses(assessment: Assessment) -> dict[int, tuple[str, bool]]:
    """Per answer pk: its status, or a mapped requirement's, and whether it was mapped."""
    answers = list(assessment.answers.select_related("requirement"))
    missing = [a.requirement.urn for a in answers if not a.status and a.requirement.urn]
    mapped = mapped_statuses(assessment, missing) if missing else {}
    result = {}
    for answer in answers:
        if answer.status or answer.requirement.urn not in mapped:
            result[answer.pk] = (answer.status, False)
        else:
            result[answer.pk] = (mapped[answer.requirement.urn], True)
    return result


def progress(assessment: Assessment) -> tuple[list[Progress], Progress]:
    """Progress per clause group (top-level requirement) and for the whole assessment."""
    statuses = effective_statuses(assessment)
    tops = {
        c.number: c.display_title for c in assessment.library.clauses.filter(parent__isnull=True)
    }
    groups: dict[str, Progress] = {}
    total = Progress(number="", title=_("All requirements"))
    for answer in assessment.answers.select_related("requirement__library").order_by(
        "requirement__sort_key"
    ):
        status, via_mapping = statuses[answer.pk]
        number = answer.requirement.group_number
        group = groups.setdefault(number, Progress(number=number, title=tops.get(number, "")))
        for bucket in (group, total):
            bucket.counts[status] += 1
            bucket.mapped += via_mapping
    return list(groups.values()), total


def over_time(assessment: Assessment) -> list[tuple[Assessment, Progress]]:
    """The assessments of the same unit against any version of the same library, by
    date, each with its overall progress."""
    same = Assessment.objects.filter(unit=assessment.unit)
    if assessment.library.urn:
        same = same.filter(library__urn=assessment.library.urn)
    else:
        same = same.filter(library=assessment.library)
    return [(a, progress(a)[1]) for a in same.order_by("assessed_on", "pk")]
