"""Award scoring: computed criteria from KPIs, aggregation of independent assessors'
scores with their dispersion, the consensus step, totals, levels and the ranking.

Worked example (tests/test_scoring.py): enablers E1 (300 points) scored 60, 70, 80 %
by three assessors → mean 70 % → 210 points; E2 (200) 50, 50, 50 % → 100; results R1
(500) 40, 80, 90 % → spread 50 points > 20: consensus needed, agreed 70 % → 350.
Total 660 → the level reached at 550.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from statistics import pstdev

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zist.awards.models import Application, Criterion, CriterionKind, Round, RoundStatus
from zist.reporting import services as reporting
from zist.reporting import stats
from zist.reporting.models import Figure, SubmissionStatus

HUNDRED = Decimal(100)


def _clamp(value: Decimal) -> Decimal:
    return max(Decimal(0), min(HUNDRED, value))


def _kpi_figure(programme, unit, code: str) -> Figure | None:
    return (
        Figure.objects.filter(
            submission__programme=programme,
            submission__unit=unit,
            submission__status=SubmissionStatus.ACCEPTED,
            kpi__code=code,
        )
        .select_related("kpi", "submission__sector")
        .first()
    )


def computed_percent(criterion: Criterion, application: Application) -> tuple[Decimal | None, str]:
    """The per cent a technical or improvement criterion earns, from the applicant's
    accepted KPI submission to the round's programme, and how it was worked out."""
    programme = application.round.programme
    if programme is None:
        return None, _("The round reads no KPI programme.")
    figure = _kpi_figure(programme, application.unit, criterion.kpi_code)
    if figure is None:
        return None, _("No accepted figure for %(kpi)s.") % {"kpi": criterion.kpi_code}
    actual = reporting.normalised(figure)
    rule = criterion.rule or {}
    if criterion.kind == CriterionKind.TECHNICAL:
        standard = (rule.get("standard") or {}).get(figure.submission.sector.code)
        if not standard:
            return None, _("No national standard for this sector.")
        ratio = actual / Decimal(str(standard))
        full, zero = Decimal(str(rule.get("full", "0.8"))), Decimal(str(rule.get("zero", "1.2")))
        percent = _clamp(HUNDRED * (zero - ratio) / (zero - full))
        return percent, _("%(ratio)s × the national standard") % {"ratio": round(ratio, 4)}
    previous = programme.previous and _kpi_figure(
        programme.previous, application.unit, criterion.kpi_code
    )
    if not previous:
        return None, _("No accepted figure for last year.")
    better = stats.improvement(
        reporting.normalised(previous), actual, reporting.lower_is_better(figure.kpi)
    )
    full = Decimal(str(rule.get("full", 10)))
    return _clamp(HUNDRED * better / full), _("%(change)s %% better than last year") % {
        "change": round(better, 2)
    }


@dataclass
class Line:
    criterion: Criterion
    scores: list[Decimal] = field(default_factory=list)
    consensus: Decimal | None = None
    computed: Decimal | None = None
    how: str = ""
    spread_limit: Decimal = Decimal(20)

    @property
    def mean(self) -> Decimal | None:
        return sum(self.scores) / len(self.scores) if self.scores else None

    @property
    def spread(self) -> Decimal | None:
        return max(self.scores) - min(self.scores) if self.scores else None

    @property
    def deviation(self) -> Decimal | None:
        return Decimal(str(round(pstdev(self.scores), 2))) if len(self.scores) > 1 else None

    @property
    def needs_consensus(self) -> bool:
        return (
            self.consensus is None and self.spread is not None and self.spread > self.spread_limit
        )

    @property
    def percent(self) -> Decimal | None:
        if self.criterion.computed:
            return self.computed
        return self.consensus if self.consensus is not None else self.mean

    @property
    def points(self) -> Decimal:
        return (self.criterion.points * (self.percent or 0) / HUNDRED).quantize(Decimal("0.01"))


@dataclass
class Assessment:
    application: Application
    lines: list[Line]

    @property
    def total(self) -> Decimal:
        return sum((line.points for line in self.lines), Decimal(0))

    @property
    def level(self) -> str:
        return self.application.round.scheme.level_for(self.total)

    @property
    def open_points(self) -> list[Line]:
        return [line for line in self.lines if line.needs_consensus]

    def by_kind(self) -> dict[str, Decimal]:
        found: dict[str, Decimal] = {}
        for line in self.lines:
            found[line.criterion.kind] = found.get(line.criterion.kind, Decimal(0)) + line.points
        return found


def assess(application: Application) -> Assessment:
    """Every leaf criterion of the scheme with its scores, consensus and points."""
    round_ = application.round
    leaves = [
        c
        for c in round_.scheme.criteria.prefetch_related("children").order_by("order", "code")
        if not c.children.all()
    ]
    lines = {c.pk: Line(c, spread_limit=round_.spread_limit) for c in leaves}
    for score in application.scores.all():
        line = lines.get(score.criterion_id)
        if line is None:
            continue
        if score.consensus:
            line.consensus = score.percent
        else:
            line.scores.append(score.percent)
    for line in lines.values():
        if line.criterion.computed:
            line.computed, line.how = computed_percent(line.criterion, application)
    return Assessment(application, list(lines.values()))


@transaction.atomic
def publish(round_: Round) -> list[Application]:
    """Totals, levels and ranks of every application; refused while a criterion's
    scores spread more than the round allows without a consensus score."""
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    assessed = [assess(a) for a in round_.applications.select_related("unit", "round__scheme")]
    open_ = [(a.application, line.criterion) for a in assessed for line in a.open_points]
    if open_:
        raise ValidationError(
            [
                _(
                    "%(applicant)s, %(criterion)s: the assessors differ too much; agree a consensus score."
                )
                % {"applicant": app.unit, "criterion": crit}
                for app, crit in open_
            ]
        )
    totals = [a.total for a in assessed]
    ranks = stats.ranks(totals, lower_is_better=False)
    for assessment, rank in zip(assessed, ranks, strict=True):
        application = assessment.application
        if application.assign({"total": assessment.total, "level": assessment.level, "rank": rank}):
            application.save()
    round_.status = RoundStatus.PUBLISHED
    round_.save()
    return [a.application for a in sorted(assessed, key=lambda a: -a.total)]


def check_tree(scheme) -> list[str]:
    """Problems of a scheme's points: top-level points must add up to the total, a
    parent's to the sum of its children's."""
    problems = []
    criteria = list(scheme.criteria.all())
    top = sum((c.points for c in criteria if c.parent_id is None), Decimal(0))
    if top != scheme.total_points:
        problems.append(f"top level {top} ≠ {scheme.total_points}")
    for parent in criteria:
        children = [c for c in criteria if c.parent_id == parent.pk]
        if children and sum(c.points for c in children) != parent.points:
            problems.append(f"{parent.code}: children ≠ {parent.points}")
    return problems
