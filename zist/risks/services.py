"""Applying the matrix to risks."""

from __future__ import annotations

from zist.risks import rating
from zist.risks.models import Risk, RiskMatrix


def matrix_for(unit) -> RiskMatrix | None:
    """The matrix held by the unit or its nearest parent."""
    # The stored path, not the one in memory: moving units (or adding a root that
    # sorts first) renumbers paths.
    path = type(unit).objects.values_list("path", flat=True).get(pk=unit.pk)
    step = unit.steplen
    prefixes = [path[:end] for end in range(step, len(path) + 1, step)]
    return (
        RiskMatrix.objects.filter(unit__path__in=prefixes, unit__organisation=unit.organisation)
        .order_by("-unit__depth", "pk")
        .first()
    )


def apply_rating(risk: Risk) -> Risk:
    """Store the rating and band, before and after treatment (not saved)."""
    if risk.matrix_id is None:
        risk.matrix = matrix_for(risk.unit)
    risk.rating = rating.rating(risk.likelihood, risk.consequence)
    risk.residual_rating = (
        rating.rating(risk.residual_likelihood, risk.residual_consequence)
        if risk.residual_likelihood and risk.residual_consequence
        else None
    )
    matrix = risk.matrix
    risk.band = matrix.band_for(risk.rating) if matrix else None
    risk.residual_band = matrix.band_for(risk.residual_rating) if matrix else None
    return risk


def rerate(matrix: RiskMatrix) -> int:
    """After a matrix's bands changed: re-band its risks (history keeps the old band)."""
    changed = 0
    for risk in Risk.objects.filter(matrix=matrix):
        before = (risk.band_id, risk.residual_band_id)
        apply_rating(risk)
        if (risk.band_id, risk.residual_band_id) != before:
            risk.save()  # recomputes the same values and keeps the old ones in history
            changed += 1
    return changed
