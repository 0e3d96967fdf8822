"""Benchmarking: per KPI and sector, the normalised values of the accepted
submissions, their distribution (quartiles, Tukey fences), quartile bands, ranking and
improvement against the previous programme.

Two views of the same numbers. The regulator (who may review the programme's
submissions) sees every organisation by name. An organisation sees its own position
and the peers' statistics only, never a peer's name or value, and no statistics at all
with fewer than `stats.MIN_PEERS` values. The distribution is read here without the
viewer's restriction on purpose: what leaves this module for an organisation is
aggregates only (tested in tests/test_privacy.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from zist.core.querysets import scope_paths, subtree_q
from zist.reporting import services, stats
from zist.reporting.models import Figure, Kpi, Programme, Sector, Submission, SubmissionStatus


@dataclass
class Row:
    submission: Submission
    value: Decimal
    normalised: Decimal
    rank: int = 0
    band: int = 0
    improvement: Decimal | None = None
    outlier_reason: str = ""


@dataclass
class Result:
    programme: Programme
    kpi: Kpi
    sector: Sector
    summary: stats.Summary | None
    rows: list[Row] = field(default_factory=list)  # named: for the regulator only
    own: Row | None = None
    named: bool = False

    @property
    def unit(self) -> str:
        per = f"/{self.programme.reference_unit}" if self.kpi.normalised else ""
        return f"{self.kpi.measure_unit}{per}"

    @property
    def shown_summary(self) -> stats.Summary | None:
        if self.summary is None or (not self.named and self.summary.count < stats.MIN_PEERS):
            return None
        return self.summary


def reviews(user, programme: Programme) -> bool:
    """Whether `user` is the programme's regulator side (may review its submissions)."""
    return Programme.objects.restrict(user, "change").filter(pk=programme.pk).exists() or (
        Submission.objects.restrict(user, "approve").filter(programme=programme).exists()
    )


def _previous_values(programme: Programme, kpi: Kpi) -> dict[int, Decimal]:
    """Last programme's normalised values of the KPI with the same code, by unit."""
    if programme.previous_id is None:
        return {}
    figures = Figure.objects.filter(
        submission__programme_id=programme.previous_id,
        submission__status=SubmissionStatus.ACCEPTED,
        kpi__code=kpi.code,
    ).select_related("kpi", "submission")
    found = {}
    for figure in figures:
        value = services.normalised(figure)
        if value is not None:
            found[figure.submission.unit_id] = value
    return found


def result(user, programme: Programme, kpi: Kpi, sector: Sector) -> Result:
    """The benchmark of one KPI in one sector as `user` may see it."""
    named = reviews(user, programme)
    figures = Figure.objects.filter(
        kpi=kpi, submission__sector=sector, submission__status=SubmissionStatus.ACCEPTED
    ).select_related("kpi", "submission__unit")
    rows = []
    for figure in figures:
        value = services.normalised(figure)
        if value is not None:
            rows.append(
                Row(figure.submission, figure.value, value, outlier_reason=figure.outlier_reason)
            )
    lower = services.lower_is_better(kpi)
    summary = stats.summary([r.normalised for r in rows]) if rows else None
    previous = _previous_values(programme, kpi)
    for row, rank in zip(rows, stats.ranks([r.normalised for r in rows], lower), strict=True):
        row.rank = rank
        row.band = stats.band(row.normalised, summary, lower)
        row.improvement = stats.improvement(
            previous.get(row.submission.unit_id), row.normalised, lower
        )
    rows.sort(key=lambda r: (r.rank, r.submission.unit.name))
    own_units = _own_units(user, programme)
    own = next((r for r in rows if r.submission.unit_id in own_units), None)
    if own is not None and not named and len(rows) < stats.MIN_PEERS:
        # With one or two peers a rank or band would tell their values.
        own = Row(own.submission, own.value, own.normalised, improvement=own.improvement)
    return Result(programme, kpi, sector, summary, rows if named else [], own, named)


def _own_units(user, programme: Programme) -> set[int]:
    """Units whose submission to `programme` is the user's own organisation's (seen
    through a grant on the submitting side, not through the programme)."""
    paths = scope_paths(user, Submission, "view")
    if not paths:
        return set()
    return set(
        Submission.objects.filter(programme=programme)
        .filter(subtree_q("unit", paths))
        .values_list("unit_id", flat=True)
    )


def results(user, programme: Programme, sector: Sector | None = None) -> list[Result]:
    sectors = [sector] if sector else list(programme.sectors.all())
    if not reviews(user, programme):
        mine = set(
            Submission.objects.filter(
                programme=programme, unit_id__in=_own_units(user, programme)
            ).values_list("sector_id", flat=True)
        )
        sectors = [s for s in sectors if s.pk in mine]
    return [result(user, programme, kpi, s) for s in sectors for kpi in programme.kpis.all()]


def as_json(result: Result) -> dict:
    """A result for the API: the same privacy as the pages."""
    summary = result.shown_summary
    data = {
        "programme": result.programme.pk,
        "kpi": result.kpi.code,
        "sector": result.sector.code,
        "unit": result.unit,
        "statistics": None
        if summary is None
        else {
            "count": summary.count,
            "p25": str(summary.p25),
            "median": str(summary.median),
            "p75": str(summary.p75),
            **(
                {"minimum": str(summary.minimum), "maximum": str(summary.maximum)}
                if result.named
                else {}
            ),
        },
        "own": None if result.own is None else _row(result.own),
    }
    if result.named:
        data["ranking"] = [
            {"organisation": str(r.submission.unit.organisation), **_row(r)} for r in result.rows
        ]
    return data


def _row(row: Row) -> dict:
    return {
        "value": str(row.value),
        "normalised": str(row.normalised),
        "rank": row.rank,
        "band": row.band,
        "improvement": None if row.improvement is None else str(row.improvement),
    }
