"""One participant's AHP judgements entered as a matrix: the pairs of the session's
hazards with the participant's judgement of each, saving them all at once, and the
consistency of what is saved.

A pair is named by two hazard ids (row, column): the page's row hazard is the
comparison's `first`, its column hazard `second`. A comparison saved the other way
round (first = column hazard, for instance from an import) is read and updated in its
own orientation, so re-entering a judgement never turns it into a delete and a create.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zist.core.querysets import scope_paths, subtree_q
from zist.crisis.models.sessions import Favours, PairwiseComparison
from zist.crisis.services import ahp
from zist.crisis.services.sessions import SessionResults, hazards_for

EQUAL = 1


@dataclass(frozen=True)
class Judgement:
    """A judgement as PairwiseComparison stores it: which hazard of the pair is
    riskier and how much (Saaty 1–9). Equal is (first, 1), the model's default."""

    favours: str
    intensity: int

    @property
    def value(self) -> float:
        """a(first, second) of the pairwise matrix."""
        return float(self.intensity) if self.favours == Favours.FIRST else 1 / self.intensity

    def reversed(self) -> Judgement:
        """The same judgement with the pair read the other way round."""
        other = {Favours.FIRST: Favours.SECOND, Favours.SECOND: Favours.FIRST}
        # Anything else is left as given, for the model's validation to refuse.
        return Judgement(other.get(self.favours, self.favours), self.intensity)

    def canonical(self) -> Judgement:
        """Equal written one way only, so that "equal" never reads as a change."""
        if self.intensity == EQUAL and self.favours in Favours.values:
            return Judgement(Favours.FIRST, EQUAL)
        return self


@dataclass
class Pair:
    """One cell of the upper triangle: row hazard against column hazard."""

    first: object
    second: object
    judgement: Judgement | None = None

    @property
    def key(self) -> tuple[int, int]:
        return (self.first.pk, self.second.pk)


@dataclass
class Saved:
    """What a save did, counted."""

    created: int = 0
    changed: int = 0
    deleted: int = 0


@dataclass
class Consistency:
    """A participant's priorities and consistency ratio, or what is missing for them."""

    hazards: list
    missing: int = 0
    result: ahp.AhpResult | None = None
    inconsistent: list[dict] = field(default_factory=list)

    @property
    def priorities(self) -> list[tuple[object, float]]:
        """(hazard, priority), highest first."""
        if self.result is None:
            return []
        weighted = zip(self.hazards, self.result.priorities, strict=True)
        return sorted(weighted, key=lambda item: -item[1])


def session_hazards(session, user) -> list:
    """The hazards in the order of the session's result matrix (ahp_results), those
    `user` may not see unnamed (HiddenHazard)."""
    return hazards_for(session, user, ("name", "pk"))


def permitted_actions(user, session) -> set[str]:
    """What `user` may do with pairwise comparisons of `session`, by the same policy
    and scope the register uses (comparisons hang on the session's unit)."""
    from zist.organisations.models import Unit

    allowed = set()
    for action in ("view", "add", "change", "delete"):
        paths = scope_paths(user, PairwiseComparison, action)
        if paths is None or (
            paths and Unit.objects.filter(subtree_q("", paths), pk=session.unit_id).exists()
        ):
            allowed.add(action)
    return allowed


def isolated(value) -> str:
    """`value` as a bidi-isolated run (FSI … PDI): a Persian hazard name in an English
    sentence, or a Latin one in a Persian sentence, keeps its own direction and leaves
    the quotes and words around it where they belong. Plain text, for option labels
    and messages where <bdi> cannot go."""
    return f"\u2068{value}\u2069"


def pair_name(first, second) -> str:
    return _("“%(first)s” against “%(second)s”") % {
        "first": isolated(first),
        "second": isolated(second),
    }


def _stored(participant) -> dict[frozenset, PairwiseComparison]:
    comparisons = PairwiseComparison.objects.filter(
        session=participant.session_id, participant=participant
    ).order_by("pk")
    found = {}
    for comparison in comparisons:
        found.setdefault(frozenset((comparison.first_id, comparison.second_id)), comparison)
    return found


def pairs(participant, *, user) -> list[Pair]:
    """Every pair of the session's hazards (row before column in the result order),
    with the participant's judgement read row against column."""
    hazards = session_hazards(participant.session, user)
    stored = _stored(participant)
    result = []
    for i, first in enumerate(hazards):
        for second in hazards[i + 1 :]:
            comparison = stored.get(frozenset((first.pk, second.pk)))
            judgement = None
            if comparison is not None:
                judgement = Judgement(comparison.favours, comparison.intensity)
                if comparison.first_id != first.pk:
                    judgement = judgement.reversed()
                judgement = judgement.canonical()
            result.append(Pair(first, second, judgement))
    return result


def save_judgements(
    participant, judgements: Mapping[tuple[int, int], Judgement | None], *, user
) -> Saved:
    """Create, change or (for None) delete the participant's comparison of each pair,
    all or nothing. Each comparison goes through the model's validation and is saved
    only if it changes (one history row per real change). Pairs not in `judgements`
    are left as they are. Raises ValidationError with one message per refused pair,
    each naming the pair; then nothing is saved."""
    session = participant.session
    hazards = {hazard.pk: hazard for hazard in hazards_for(session, user)}
    allowed = permitted_actions(user, session)
    errors: list[str] = []
    seen: set[frozenset] = set()
    saved = Saved()

    def refuse(first, second, messages) -> None:
        name = pair_name(first, second)
        errors.extend(f"{name}: {message}" for message in messages)

    with transaction.atomic():
        stored = _stored(participant)
        for (first_id, second_id), judgement in judgements.items():
            first, second = hazards.get(first_id), hazards.get(second_id)
            if first is None or second is None:
                errors.append(_("A pair names a hazard that is not in the session's scope."))
                continue
            if first_id == second_id:
                refuse(first, second, [_("Compare two different hazards.")])
                continue
            unordered = frozenset((first_id, second_id))
            if unordered in seen:
                refuse(first, second, [_("This pair is given twice.")])
                continue
            seen.add(unordered)
            comparison = stored.get(unordered)
            if judgement is None:
                if comparison is None:
                    continue
                if "delete" not in allowed:
                    refuse(first, second, [_("You may not delete comparisons in this session.")])
                    continue
                comparison.delete()
                saved.deleted += 1
                continue
            if comparison is None:
                if "add" not in allowed:
                    refuse(first, second, [_("You may not add comparisons in this session.")])
                    continue
                comparison = PairwiseComparison(
                    session=session, participant=participant, first=first, second=second
                )
            else:
                if comparison.first_id != first_id:
                    judgement = judgement.reversed()
                if Judgement(comparison.favours, comparison.intensity).canonical() == (
                    judgement.canonical()
                ):
                    continue
                if "change" not in allowed:
                    refuse(first, second, [_("You may not change comparisons in this session.")])
                    continue
            judgement = judgement.canonical()
            comparison.favours, comparison.intensity = judgement.favours, judgement.intensity
            try:
                comparison.full_clean()
            except ValidationError as exc:
                refuse(first, second, exc.messages)
                continue
            if comparison.pk:
                saved.changed += 1
            else:
                saved.created += 1
            comparison.save()
        if errors:
            raise ValidationError(errors)
    return saved


def consistency(participant, *, user) -> Consistency:
    """The participant's priorities and consistency ratio once every pair is judged,
    with the comparisons furthest from what the priorities imply."""
    hazards = session_hazards(participant.session, user)
    index = {hazard.pk: i for i, hazard in enumerate(hazards)}
    found = Consistency(hazards)
    if len(hazards) < 2:
        return found
    given = {}
    comparisons = PairwiseComparison.objects.filter(
        session=participant.session_id, participant=participant
    )
    for comparison in comparisons:
        if comparison.first_id in index and comparison.second_id in index:
            given[index[comparison.first_id], index[comparison.second_id]] = comparison.value
    matrix, missing = ahp.from_judgements(len(hazards), given)
    found.missing = len(missing)
    if missing:
        return found
    found.result = ahp.analyse(matrix)
    if not found.result.acceptable:
        report = SessionResults("ahp", ahp=found.result, hazards=hazards)
        found.inconsistent = report.inconsistent_pairs()
    return found
