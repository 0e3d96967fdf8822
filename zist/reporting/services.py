"""The submission workflow: invitation, figures (typed, filled from the organisation's
own indicators, or sent through the API), entry checks, submission, outlier flags and
the reviewer's decision. Every step saves the records it changes, so each state change
is in their history (who, when, before/after)."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zist.core import numbers
from zist.indicators import quantities
from zist.reporting import stats
from zist.reporting.models import (
    EDITABLE,
    Direction,
    Figure,
    Kpi,
    Submission,
    SubmissionStatus,
)

# Figures that count in a sector's distribution and rankings.
COUNTED = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)


def invite(programme, organisation, sector) -> Submission:
    """The organisation is asked to report: its (empty) submission, on its root unit."""
    submission, _created = Submission.objects.get_or_create(
        programme=programme, unit=organisation.root_unit, defaults={"sector": sector}
    )
    return submission


def _editable(submission: Submission) -> None:
    if submission.status not in EDITABLE:
        raise ValidationError(
            _("This submission is %(status)s: its figures can no longer be changed.")
            % {"status": submission.get_status_display().lower()}
        )


def set_figure(
    submission: Submission,
    kpi: Kpi,
    value: Decimal,
    unit: str = "",
    source: str = "",
    change_comment: str | None = None,
    source_indicator=None,
) -> Figure:
    """Store `value` (typed in `unit`, default the KPI's) converted to the KPI's unit;
    the value and unit as typed are kept beside it."""
    _editable(submission)
    unit = (unit or "").strip() or kpi.measure_unit
    try:
        converted = quantities.convert(Decimal(value), unit, kpi.measure_unit)
    except ValueError:
        raise ValidationError(
            {
                kpi.code: _("%(unit)s cannot be converted to %(target)s.")
                % {"unit": unit, "target": kpi.measure_unit}
            }
        ) from None
    converted = converted.quantize(Decimal("0.000001"))
    figure = Figure.objects.filter(submission=submission, kpi=kpi).first() or Figure(
        submission=submission, kpi=kpi
    )
    values = {
        "value": converted,
        "entered_value": Decimal(value),
        "entered_unit": unit,
        "source": source,
        "source_indicator": source_indicator,
    }
    if change_comment is not None:
        values["change_comment"] = change_comment
    if figure.assign(values) or figure.pk is None:
        figure.full_clean()
        figure.save()
    return figure


def fill_from_indicators(submission: Submission, user) -> list[Figure]:
    """One action: every KPI whose code is one of the organisation's own indicators
    gets that indicator's figure for the programme's period, converted to the KPI's
    unit, with the indicator and period as its source. Read as `user` sees them."""
    from zist.indicators.models import Indicator
    from zist.indicators.rollups import Figures

    _editable(submission)
    programme = submission.programme
    root = submission.unit
    figures = Figures(user, root, programme.period_start, programme.period_end)
    visible = Indicator.objects.restrict(user, "view").filter(
        unit__organisation_id=root.organisation_id
    )
    filled = []
    for kpi in programme.kpis.all():
        indicator = figures.indicator(kpi.code)
        if indicator is None or not visible.filter(pk=indicator.pk).exists():
            continue
        value = figures.at(indicator)
        if value is None:
            continue
        source = _("Indicator %(code)s “%(name)s”, %(start)s – %(end)s") % {
            "code": indicator.code,
            "name": indicator.name,
            "start": programme.period_start.isoformat(),
            "end": programme.period_end.isoformat(),
        }
        filled.append(
            set_figure(
                submission,
                kpi,
                Decimal(value).quantize(Decimal("0.000001")),
                indicator.measure_unit,
                source=source[:300],
                source_indicator=indicator,
            )
        )
    return filled


def previous_figure(submission: Submission, kpi: Kpi) -> Figure | None:
    """The organisation's figure for the same KPI code in last year's programme."""
    previous = submission.programme.previous
    if previous is None:
        return None
    return (
        Figure.objects.filter(
            submission__programme=previous,
            submission__unit=submission.unit,
            submission__status__in=COUNTED,
            kpi__code=kpi.code,
        )
        .select_related("kpi")
        .first()
    )


def change_against_last_year(figure: Figure) -> Decimal | None:
    """The change of `figure` against last year's, in per cent of last year's."""
    previous = previous_figure(figure.submission, figure.kpi)
    if previous is None or previous.value == 0:
        return None
    try:
        last = quantities.convert(
            previous.value, previous.kpi.measure_unit, figure.kpi.measure_unit
        )
    except ValueError:
        return None
    return (figure.value - last) / abs(last) * 100


def entry_problems(submission: Submission) -> dict[str, list[str]]:
    """What stops the submission, by KPI code: a missing required figure, a value
    outside the KPI's range, a change above the programme's threshold without a
    comment; "reference_value" when the reference quantity is missing."""
    problems: dict[str, list[str]] = {}
    programme = submission.programme
    figures = {f.kpi_id: f for f in submission.figures.select_related("kpi")}
    if submission.reference_value is None and programme.kpis.filter(normalised=True).exists():
        problems["reference_value"] = [
            _("Give the reference quantity (%(name)s, %(unit)s).")
            % {"name": programme.reference_name, "unit": programme.reference_unit}
        ]
    for kpi in programme.kpis.all():
        figure = figures.get(kpi.pk)
        found: list[str] = []
        if figure is None:
            if kpi.required:
                found.append(_("A figure is required."))
        else:
            if kpi.minimum is not None and figure.value < kpi.minimum:
                found.append(
                    _("%(value)s is below the lowest plausible value %(limit)s.")
                    % {
                        "value": numbers.format_number(figure.value),
                        "limit": numbers.format_number(kpi.minimum),
                    }
                )
            if kpi.maximum is not None and figure.value > kpi.maximum:
                found.append(
                    _("%(value)s is above the highest plausible value %(limit)s.")
                    % {
                        "value": numbers.format_number(figure.value),
                        "limit": numbers.format_number(kpi.maximum),
                    }
                )
            change = change_against_last_year(figure)
            if (
                change is not None
                and abs(change) > programme.change_threshold
                and not figure.change_comment.strip()
            ):
                found.append(
                    _(
                        "Changed by %(change)s %% against last year (more than %(limit)s %%): explain the change in a comment."
                    )
                    % {
                        "change": numbers.format_number(change, 1),
                        "limit": numbers.format_number(programme.change_threshold),
                    }
                )
        if found:
            problems[kpi.code] = found
    return problems


def _locked(submission: Submission) -> Submission:
    return Submission.objects.select_for_update().select_related("programme").get(pk=submission.pk)


@transaction.atomic
def submit(submission: Submission, user) -> Submission:
    """The organisation hands its figures in: all entry checks must pass; outliers
    against the sector's distribution are flagged (they do not stop it)."""
    submission = _locked(submission)
    _editable(submission)
    problems = entry_problems(submission)
    if problems:
        raise ValidationError(problems)
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = timezone.now()
    submission.save()
    flag_outliers(submission.programme, submission.sector)
    return submission


@transaction.atomic
def review(submission: Submission, user, accept: bool, comment: str = "") -> Submission:
    """The regulator's reviewer accepts the submission or returns it with a comment."""
    submission = _locked(submission)
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted submission can be accepted or returned."))
    comment = (comment or "").strip()
    if not accept and not comment:
        raise ValidationError({"review_comment": _("Say what must be corrected.")})
    submission.status = SubmissionStatus.ACCEPTED if accept else SubmissionStatus.RETURNED
    submission.review_comment = comment
    submission.reviewer = user
    submission.reviewed_at = timezone.now()
    submission.save()
    return submission


def normalised(figure: Figure) -> Decimal | None:
    """The figure per unit of the reference quantity (or as is, for a KPI that is not
    divided)."""
    if not figure.kpi.normalised:
        return figure.value
    reference = figure.submission.reference_value
    if not reference:
        return None
    return figure.value / reference


def flag_outliers(programme, sector) -> int:
    """Mark each counted figure of the sector beyond Tukey's fences of its KPI's
    normalised values with the reason; clear the mark of the others. Returns how many
    are flagged.

    Runs on every submission, so it reads the sector's figures as plain values in one
    query and loads (and saves, into history) only the figures whose mark changes."""
    kpis = {kpi.pk: kpi for kpi in programme.kpis.all()}
    by_kpi: dict[int, list[tuple[int, Decimal | None, str]]] = {pk: [] for pk in kpis}
    rows = Figure.objects.filter(
        kpi__in=list(kpis), submission__sector=sector, submission__status__in=COUNTED
    ).values_list("pk", "kpi_id", "value", "submission__reference_value", "outlier_reason")
    for pk, kpi_id, value, reference, stored in rows:
        if kpis[kpi_id].normalised:
            value = value / reference if reference else None
        by_kpi[kpi_id].append((pk, value, stored))
    flagged = 0
    changed: dict[int, str] = {}
    for kpi_id, figures in by_kpi.items():
        kpi = kpis[kpi_id]
        known = [value for _pk, value, _stored in figures if value is not None]
        summary = stats.summary(known) if known else None
        for pk, value, stored in figures:
            side = stats.outlier(value, summary) if summary and value is not None else None
            reason = _outlier_reason(programme, kpi, summary, value, side) if side else ""
            flagged += bool(side)
            if reason != stored:
                changed[pk] = reason
    for figure in Figure.objects.filter(pk__in=list(changed)):
        figure.outlier_reason = changed[figure.pk]
        figure.save(update_fields=["outlier_reason", "last_updated"])
    return flagged


def _outlier_reason(programme, kpi, summary, value, side: str) -> str:
    per = kpi.measure_unit + (f"/{programme.reference_unit}" if kpi.normalised else "")
    fence = summary.upper_fence if side == "high" else summary.lower_fence
    text = (
        _(
            "%(value)s %(unit)s is above the sector's upper fence %(fence)s (P75 %(p75)s + 1.5 × IQR %(iqr)s)."
        )
        if side == "high"
        else _(
            "%(value)s %(unit)s is below the sector's lower fence %(fence)s (P25 %(p25)s − 1.5 × IQR %(iqr)s)."
        )
    )
    reason = text % {
        "value": numbers.format_number(value, 3),
        "unit": per,
        "fence": numbers.format_number(fence, 3),
        "p25": numbers.format_number(summary.p25, 3),
        "p75": numbers.format_number(summary.p75, 3),
        "iqr": numbers.format_number(summary.iqr, 3),
    }
    return reason[:300]


def lower_is_better(kpi: Kpi) -> bool:
    return kpi.direction == Direction.LOWER
