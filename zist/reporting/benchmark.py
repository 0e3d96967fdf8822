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

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from zist.core.querysets import scope_paths, subtree_q
from zist.reporting import stats
from zist.reporting.models import Figure, Kpi, Programme, Sector, Submission, SubmissionStatus


@dataclass
class Row:
    unit_id: int
    organisation: str  # empty unless the viewer is the regulator
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


def _normalised(value, reference, divided: bool) -> Decimal | None:
    """As `services.normalised`, on the plain values one query reads."""
    if not divided:
        return value
    if not reference:
        return None
    return value / reference


def _previous_values(
    programme: Programme, codes: list[str], sectors: list[int]
) -> dict[tuple[str, int], Decimal]:
    """Last programme's normalised values of the KPIs with these codes, by (code, unit),
    of the organisations that report in these sectors this year: one query."""
    if programme.previous_id is None:
        return {}
    units = Submission.objects.filter(programme=programme, sector__in=sectors).values("unit")
    rows = Figure.objects.filter(
        submission__programme_id=programme.previous_id,
        submission__status=SubmissionStatus.ACCEPTED,
        submission__unit__in=units,
        kpi__code__in=codes,
    ).values_list(
        "kpi__code",
        "submission__unit_id",
        "value",
        "submission__reference_value",
        "kpi__normalised",
    )
    found = {}
    for code, unit_id, value, reference, divided in rows:
        normalised = _normalised(value, reference, divided)
        if normalised is not None:
            found[code, unit_id] = normalised
    return found


def own_units(user, programme: Programme) -> set[int]:
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


def own_sectors(user, programme: Programme) -> set[int]:
    """The sectors an organisation's user may compare itself in: its own submissions'."""
    return set(
        Submission.objects.filter(
            programme=programme, unit_id__in=own_units(user, programme)
        ).values_list("sector_id", flat=True)
    )


def results(
    user, programme: Programme, sector: Sector | None = None, kpi: Kpi | None = None
) -> list[Result]:
    """The benchmark of every KPI (or `kpi`) in every sector (or `sector`) as `user`
    may see it. A fixed number of queries whatever the number of organisations: the
    accepted figures are read in one query and ranked in memory (sorting, not
    comparing every pair)."""
    named = reviews(user, programme)
    sectors = [sector] if sector else list(programme.sectors.all())
    if not named:
        mine = own_sectors(user, programme)
        sectors = [s for s in sectors if s.pk in mine]
    kpis = [kpi] if kpi else list(programme.kpis.all())
    if not sectors or not kpis:
        return []
    columns = [
        "kpi_id",
        "submission__sector_id",
        "submission__unit_id",
        "value",
        "submission__reference_value",
        "outlier_reason",
    ]
    if named:
        columns.append("submission__unit__organisation__name")
    figures = Figure.objects.filter(
        submission__programme=programme,
        submission__status=SubmissionStatus.ACCEPTED,
        submission__sector__in=[s.pk for s in sectors],
        kpi__in=[k.pk for k in kpis],
    ).values_list(*columns)
    divided = {k.pk: k.normalised for k in kpis}
    grouped: dict[tuple[int, int], list[Row]] = defaultdict(list)
    for kpi_id, sector_id, unit_id, value, reference, reason, *name in figures:
        normalised = _normalised(value, reference, divided[kpi_id])
        if normalised is not None:
            grouped[kpi_id, sector_id].append(
                Row(unit_id, name[0] if name else "", value, normalised, outlier_reason=reason)
            )
    previous = _previous_values(programme, [k.code for k in kpis], [s.pk for s in sectors])
    mine = set() if named else own_units(user, programme)
    found = []
    for s in sectors:
        for k in kpis:
            rows = grouped.get((k.pk, s.pk), [])
            found.append(_ranked(programme, k, s, rows, previous, named, mine))
    return found


def _ranked(programme, kpi, sector, rows, previous, named, mine) -> Result:
    lower = kpi.direction == "lower"
    values = [r.normalised for r in rows]
    summary = stats.summary(values) if rows else None
    for row, rank in zip(rows, stats.ranks(values, lower), strict=True):
        row.rank = rank
        row.band = stats.band(row.normalised, summary, lower)
        row.improvement = stats.improvement(
            previous.get((kpi.code, row.unit_id)), row.normalised, lower
        )
    rows.sort(key=lambda r: (r.rank, r.organisation, r.unit_id))
    own = next((r for r in rows if r.unit_id in mine), None)
    if own is not None and len(rows) < stats.MIN_PEERS:
        # With one or two peers a rank or band would tell their values.
        own = Row(own.unit_id, "", own.value, own.normalised, improvement=own.improvement)
    return Result(programme, kpi, sector, summary, rows if named else [], own, named)


def result(user, programme: Programme, kpi: Kpi, sector: Sector) -> Result:
    """The benchmark of one KPI in one sector as `user` may see it."""
    found = results(user, programme, sector, kpi)
    return found[0] if found else Result(programme, kpi, sector, None)


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
        data["ranking"] = [{"organisation": r.organisation, **_row(r)} for r in result.rows]
    return data


def _row(row: Row) -> dict:
    return {
        "value": str(row.value),
        "normalised": str(row.normalised),
        "rank": row.rank,
        "band": row.band,
        "improvement": None if row.improvement is None else str(row.improvement),
    }
