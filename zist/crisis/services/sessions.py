"""Results of a group risk assessment session, read from the database and computed
with the pure functions of `scoring`, `ahp` and `delphi`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from zist.core import numbers
from zist.crisis.services import ahp, delphi, scoring


@dataclass
class HazardResult:
    """One hazard's place in a session's result."""

    hazard: object
    rank: int = 0
    likelihood: float | None = None
    impact: float | None = None
    score: float | None = None  # likelihood × impact, or the AHP priority
    level: str | None = None
    details: dict = field(default_factory=dict)

    @property
    def max_dispersion(self) -> float | None:
        """Scoring: the largest standard deviation among the criteria (disagreement)."""
        spreads = [item.dispersion for item in self.details.values()]
        return max(spreads) if spreads else None

    @property
    def level_label(self) -> str:
        from zist.crisis.models.sessions import RiskLevel

        return str(RiskLevel(self.level).label) if self.level else ""


@dataclass
class SessionResults:
    """A session's result: ranked hazards, warnings and the method's details."""

    method: str
    rows: list[HazardResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    ahp: ahp.AhpResult | None = None
    individual: list = field(default_factory=list)  # AHP: (participant, result or None)
    rounds: list = field(default_factory=list)  # Delphi: RoundResults, first to last
    consensus: bool | None = None
    hazards: list = field(default_factory=list)

    def inconsistent_pairs(self, count: int = 3) -> list[dict]:
        """AHP: the comparisons furthest from what the priorities imply, by name."""
        if self.ahp is None:
            return []
        return [
            {
                "a": self.hazards[item.i],
                "b": self.hazards[item.j],
                "judged": item.judged,
                "implied": item.implied,
            }
            for item in self.ahp.inconsistencies[:count]
        ]


class HiddenHazard:
    """A hazard in a session's scope that the reader may not see (one of another unit
    linked into the session): it still takes part in the computation, since the
    group's judgements cover it, but it is never named or linked."""

    hidden = True

    def __init__(self, pk: int):
        self.pk = pk  # for matching scores and comparisons; never shown or serialised

    def __str__(self) -> str:
        return _("A hazard you may not see")

    def get_absolute_url(self) -> str:
        return ""


def hazards_for(session, user, ordering=None) -> list:
    """The session's hazards (in `ordering`, else the model's), each replaced by a HiddenHazard where
    `user` may not see it (the hazards are restricted by the record, through the
    register's own `restrict`)."""
    from zist.crisis.models import Hazard

    hazards = session.hazards.all()
    hazards = list(hazards.order_by(*ordering) if ordering else hazards)
    visible = set(
        Hazard.objects.restrict(user, "view")
        .filter(pk__in=[h.pk for h in hazards])
        .values_list("pk", flat=True)
    )
    return [h if h.pk in visible else HiddenHazard(h.pk) for h in hazards]


def _rank(rows: list[HazardResult]) -> list[HazardResult]:
    rows.sort(key=lambda row: (-(row.score or 0), str(row.hazard)))
    for number, row in enumerate(rows, 1):
        row.rank = number
    return rows


def session_results(session, user) -> SessionResults:
    """The result of a session by its method, as `user` may read it: hazards the user
    may not see are counted but not named (HiddenHazard)."""
    from zist.crisis.models.sessions import Method

    return {
        Method.SCORING: scoring_results,
        Method.AHP: ahp_results,
        Method.DELPHI: delphi_results,
    }[session.method](session, user)


def scoring_results(session, user) -> SessionResults:
    """Per hazard: each criterion aggregated over participants (with its standard
    deviation); likelihood × mean of the impact criteria placed on the matrix."""
    from zist.crisis.models.sessions import IMPACT_CRITERIA, Criterion, CriterionScore

    matrix = session.matrix()
    values = defaultdict(list)
    scores = CriterionScore.objects.filter(participant__session=session)
    for hazard_id, criterion, value in scores.values_list("hazard_id", "criterion", "value"):
        values[hazard_id, criterion].append(value)
    result = SessionResults(session.method)
    for hazard in hazards_for(session, user):
        row = HazardResult(hazard)
        for criterion in Criterion:
            if values[hazard.pk, criterion]:
                row.details[criterion.value] = scoring.aggregate(
                    values[hazard.pk, criterion], session.aggregation
                )
        impacts = [row.details[c.value].value for c in IMPACT_CRITERIA if c.value in row.details]
        if Criterion.LIKELIHOOD.value in row.details and impacts:
            row.likelihood = row.details[Criterion.LIKELIHOOD.value].value
            row.impact = sum(impacts) / len(impacts)
            row.score = row.likelihood * row.impact
            row.level = matrix.level(row.likelihood, row.impact)
        else:
            result.warnings.append(_("“%(hazard)s” has no scores yet.") % {"hazard": hazard})
        result.rows.append(row)
    _rank(result.rows)
    return result


def ahp_results(session, user) -> SessionResults:
    """Priorities of the hazards from the consensus judgements if complete, else from
    the geometric mean of the complete individual matrices; each person's consistency."""
    hazards = hazards_for(session, user, ("name", "pk"))
    index = {hazard.pk: i for i, hazard in enumerate(hazards)}
    result = SessionResults(session.method)
    if len(hazards) < 2:
        result.warnings.append(_("Put at least two hazards in scope to compare them."))
        return result
    judgements = defaultdict(dict)
    for comparison in session.comparisons.select_related("participant"):
        if comparison.first_id in index and comparison.second_id in index:
            key = (index[comparison.first_id], index[comparison.second_id])
            judgements[comparison.participant][key] = comparison.value
    complete = []
    consensus = None
    for person, given in judgements.items():
        matrix, missing = ahp.from_judgements(len(hazards), given)
        if missing:
            result.warnings.append(
                _("%(who)s has not compared %(count)s pairs yet.")
                % {
                    "who": person or _("The consensus"),
                    "count": numbers.format_number(len(missing)),
                }
            )
            if person is not None:
                result.individual.append((person, None))
            continue
        analysed = ahp.analyse(matrix)
        if person is None:
            consensus = matrix
        else:
            complete.append(matrix)
            result.individual.append((person, analysed))
    result.individual.sort(key=lambda item: str(item[0]))
    if consensus is None and not complete:
        result.warnings.append(_("No complete set of comparisons yet."))
        return result
    group = consensus if consensus is not None else ahp.aggregate(complete)
    result.ahp = ahp.analyse(group)
    if not result.ahp.acceptable:
        worst = result.ahp.inconsistencies[0]
        result.warnings.append(
            _(
                "The consistency ratio is %(cr).3f (0.10 or more): revise the judgements. "
                "Most inconsistent: %(a)s against %(b)s, judged %(judged).2f where the "
                "priorities imply %(implied).2f."
            )
            % {
                "cr": result.ahp.cr,
                "a": hazards[worst.i],
                "b": hazards[worst.j],
                "judged": worst.judged,
                "implied": worst.implied,
            }
        )
    for person, analysed in result.individual:
        if analysed is not None and not analysed.acceptable:
            result.warnings.append(
                _("%(who)s: consistency ratio %(cr).3f is 0.10 or more.")
                % {"who": person, "cr": analysed.cr}
            )
    result.rows = [
        HazardResult(hazard, score=weight)
        for hazard, weight in zip(hazards, result.ahp.priorities, strict=True)
    ]
    _rank(result.rows)
    result.hazards = hazards
    return result


@dataclass
class RoundResults:
    """The feedback of one Delphi round."""

    round: object
    rows: list = field(default_factory=list)  # (hazard, likelihood Feedback, impact Feedback)
    consensus: bool = False


def delphi_round_results(delphi_round, user=None) -> RoundResults:
    """Feedback of one round: median and IQR of likelihood and impact per hazard;
    consensus when every IQR is within the session's limit. Without `user` (the
    consensus check of the model) the rows name every hazard: never show them."""
    session = delphi_round.session
    likelihoods, impacts = defaultdict(list), defaultdict(list)
    for hazard_id, likelihood, impact in delphi_round.scores.values_list(
        "hazard_id", "likelihood", "impact"
    ):
        likelihoods[hazard_id].append(likelihood)
        impacts[hazard_id].append(impact)
    result = RoundResults(delphi_round)
    feedbacks = []
    hazards = hazards_for(session, user) if user is not None else session.hazards.all()
    for hazard in hazards:
        if not likelihoods[hazard.pk]:
            continue
        pair = delphi.feedback(likelihoods[hazard.pk]), delphi.feedback(impacts[hazard.pk])
        feedbacks += pair
        result.rows.append((hazard, *pair))
    covered = len(result.rows) == session.hazards.count()
    result.consensus = covered and delphi.has_consensus(feedbacks, float(session.consensus_iqr))
    return result


def delphi_results(session, user) -> SessionResults:
    """Every round's feedback; the ranking from the medians of the last round."""
    result = SessionResults(session.method)
    result.rounds = [delphi_round_results(r, user) for r in session.rounds.order_by("number")]
    if not result.rounds:
        result.warnings.append(_("No rounds yet."))
        return result
    last = result.rounds[-1]
    result.consensus = last.consensus
    if not last.consensus:
        if last.round.number >= session.max_rounds:
            result.warnings.append(_("The last allowed round ended without consensus."))
        else:
            result.warnings.append(_("No consensus yet: hold another round."))
    matrix = session.matrix()
    for hazard, likelihood, impact in last.rows:
        result.rows.append(
            HazardResult(
                hazard,
                likelihood=likelihood.median,
                impact=impact.median,
                score=likelihood.median * impact.median,
                level=matrix.level(likelihood.median, impact.median),
            )
        )
    _rank(result.rows)
    return result
