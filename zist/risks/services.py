"""Applying the matrix to risks.

A risk's rating and bands are derived from its levels and its matrix. Risk.save derives
them whenever a risk is saved; when a matrix changes (its size, or a band is added,
changed, moved or deleted) the register hooks call `matrix_saved`, `band_saved` and
`delete_band`, which rate every risk on the matrix again in the same transaction.

Re-rating covers every risk on the matrix, not only those the user who changed the
matrix may see: the bands are derived data, the change is to the matrix (which that
user may change), and a risk left on the old bands would contradict its own matrix
until someone happened to save it. Nothing about the hidden risks is shown to that
user; the history rows name them as the cause, which is what happened.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.utils.translation import ngettext

from zist.core import calendars
from zist.risks import rating
from zist.risks.models import Risk, RiskBand, RiskMatrix


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


def rated(risk: Risk) -> dict:
    """The derived fields of `risk` on its matrix: rating and band, before and after
    treatment."""
    bands = risk.matrix.plain_bands() if risk.matrix else []

    def band_id(value: int | None) -> int | None:
        found = rating.band_for(value, bands) if value is not None else None
        return int(found.key) if found else None

    value = rating.rating(risk.likelihood, risk.consequence)
    residual = (
        rating.rating(risk.residual_likelihood, risk.residual_consequence)
        if risk.residual_likelihood and risk.residual_consequence
        else None
    )
    return {
        "rating": value,
        "band_id": band_id(value),
        "residual_rating": residual,
        "residual_band_id": band_id(residual),
    }


def apply_rating(risk: Risk) -> bool:
    """Store the rating and bands on `risk` (not saved); whether any of them changed."""
    if risk.matrix_id is None:
        risk.matrix = matrix_for(risk.unit)
    return risk.assign(rated(risk))


def lost_levels(matrix: RiskMatrix) -> dict[str, str]:
    """Errors for the levels `matrix` would lose while risks are still rated there
    (before or after treatment), keyed by the size field; empty when none would."""
    if matrix.pk is None:
        return {}
    # Every risk on the matrix counts, seen by the user or not: shrinking under any of
    # them would leave it rated at a level that no longer exists.
    on_matrix = Risk.objects.filter(matrix_id=matrix.pk)
    errors = {}
    for axis, size in (
        ("likelihood", matrix.likelihood_levels),
        ("consequence", matrix.consequence_levels),
    ):
        if size is None:
            continue
        count = on_matrix.filter(
            Q(**{f"{axis}__gt": size}) | Q(**{f"residual_{axis}__gt": size})
        ).count()
        if not count:
            continue
        if axis == "likelihood":
            message = ngettext(
                "%(count)s risk is rated at a likelihood level above %(levels)s (before or "
                "after treatment); re-rate it first.",
                "%(count)s risks are rated at likelihood levels above %(levels)s (before or "
                "after treatment); re-rate them first.",
                count,
            )
        else:
            message = ngettext(
                "%(count)s risk is rated at a consequence level above %(levels)s (before or "
                "after treatment); re-rate it first.",
                "%(count)s risks are rated at consequence levels above %(levels)s (before or "
                "after treatment); re-rate them first.",
                count,
            )
        errors[f"{axis}_levels"] = message % {
            "count": calendars.localize_digits(str(count)),
            "levels": calendars.localize_digits(str(size)),
        }
    return errors


def refuse_lost_levels(matrix: RiskMatrix) -> None:
    """Refuse a matrix smaller than the levels its risks use."""
    errors = lost_levels(matrix)
    if errors:
        raise ValidationError(errors)


def _lock(matrix_id: int, without: RiskBand | None = None) -> RiskMatrix:
    """The matrix, locked until the transaction ends, with its bands (less `without`)
    loaded once for every risk rated on it."""
    bands = RiskBand.objects.all()
    if without is not None:
        bands = bands.exclude(pk=without.pk)
    # The lock makes two changes of one matrix's bands wait for each other, so the
    # second re-rates on the first's committed bands rather than on stale ones.
    return (
        RiskMatrix.objects.select_for_update()
        .prefetch_related(Prefetch("bands", queryset=bands))
        .get(pk=matrix_id)
    )


def _rerate(matrix: RiskMatrix) -> int:
    """Rate every risk on the (locked, prefetched) matrix again; save only those whose
    rating or band changed, so history gets one row per changed risk."""
    changed = 0
    for risk in Risk.objects.filter(matrix=matrix).order_by("pk"):
        risk.matrix = matrix  # its prefetched bands serve every risk
        if apply_rating(risk):
            risk.save()
            changed += 1
    return changed


def matrix_saved(matrix: RiskMatrix) -> int:
    """After a matrix was added or changed: its risks rated again; how many changed."""
    locked = _lock(matrix.pk)
    # The form and the API have refused this already; checked again under the lock in
    # case a risk was rated at a level beyond the new size in the meantime.
    refuse_lost_levels(locked)
    return _rerate(locked)


def band_saved(band: RiskBand, matrix_before: int | None = None) -> int:
    """After a band was added or changed (maybe moved from `matrix_before`): the risks
    on the matrices concerned rated again; how many changed."""
    changed = 0
    # In id order, so that two moves in opposite directions cannot deadlock.
    for matrix_id in sorted({band.matrix_id, matrix_before} - {None}):
        changed += _rerate(_lock(matrix_id))
    return changed


def delete_band(band: RiskBand) -> int:
    """Delete a band, first moving its risks to the bands that remain (or to none), so
    that each changed risk gets its history row; how many changed."""
    changed = _rerate(_lock(band.matrix_id, without=band))
    band.delete()
    return changed
