"""Monthly energy and degree days of a baseline's site, fed to the pure functions of
`zist.energy.services`. Energy comes from the indicator roll-ups, restricted to what
the user may see."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from zist.energy import services
from zist.energy.models import Baseline, DegreeDays

R2_RULE_OF_THUMB = Decimal("0.75")


def months(start: dt.date, end: dt.date) -> list[tuple[dt.date, dt.date]]:
    """Calendar months [first day, first day of next month) from `start` until `end`."""
    result = []
    current = start.replace(day=1)
    while current < end:
        following = (current.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        result.append((current, following))
        current = following
    return result


def monthly_hdd(user, unit, periods, base) -> list[Decimal | None]:
    """HDD per period from the weather data of the unit or its nearest ancestor."""
    from zist.organisations.models import Unit

    unit = Unit.objects.get(pk=unit.pk)
    steplen = Unit.steplen
    paths = [unit.path[:end] for end in range(len(unit.path), 0, -steplen)]
    records = DegreeDays.objects.restrict(user, "view").filter(
        period_start__gte=periods[0][0], period_start__lt=periods[-1][1]
    )
    for path in paths:
        rows = list(
            records.filter(unit__path=path).values_list("period_start", "mean_temperature", "hdd")
        )
        if rows:
            break
    else:
        return [None] * len(periods)
    result = []
    for start, end in periods:
        inside = [r for r in rows if start <= r[0] < end]
        if not inside:
            result.append(None)
            continue
        total = services.hdd([r[1] for r in inside if r[1] is not None], base)
        total += sum((r[2] for r in inside if r[2] is not None), Decimal(0))
        result.append(total)
    return result


def monthly_energy(user, baseline: Baseline, periods) -> list[Decimal | None]:
    from zist.indicators.rollups import Figures

    return [Figures(user, baseline.unit, s, e).at(baseline.energy) for s, e in periods]


def analyse(user, baseline: Baseline) -> dict:
    """Regression on the baseline months, then predicted, actual, savings and CUSUM for
    the report months, weather-normalised energy and the ratio EnPI."""
    base_periods = months(baseline.baseline_start, baseline.baseline_end)
    report_periods = months(baseline.report_start, baseline.report_end)
    base_energy = monthly_energy(user, baseline, base_periods)
    base_hdd = monthly_hdd(user, baseline.unit, base_periods, baseline.base_temperature)
    pairs = [(h, e) for h, e in zip(base_hdd, base_energy, strict=True) if None not in (h, e)]
    result = {"baseline": baseline, "regression": None, "problem": "", "rows": []}
    try:
        model = services.fit([h for h, _e in pairs], [e for _h, e in pairs])
    except ValueError as exc:
        result["problem"] = str(exc)
        model = None
    result["regression"] = model
    result["weak"] = model is not None and (model.r2 is None or model.r2 < R2_RULE_OF_THUMB)
    result["baseline_months"] = len(pairs)
    energy = monthly_energy(user, baseline, report_periods)
    degree_days = monthly_hdd(user, baseline.unit, report_periods, baseline.base_temperature)
    reference = {start.month: h for (start, _e), h in zip(base_periods, base_hdd, strict=True)}
    rows = []
    known = [
        (period, e, h)
        for period, e, h in zip(report_periods, energy, degree_days, strict=True)
        if e is not None and h is not None
    ]
    if model is not None and known:
        predicted = [model.predict(h) for _p, _e, h in known]
        actual = [e for _p, e, _h in known]
        for (period, e, h), p, s, c in zip(
            known,
            predicted,
            services.savings(predicted, actual),
            services.cusum(predicted, actual),
            strict=True,
        ):
            rows.append(
                {
                    "start": period[0],
                    "energy": e,
                    "hdd": h,
                    "predicted": p,
                    "savings": s,
                    "cusum": c,
                    "normalised": services.normalise(e, reference.get(period[0].month), h)
                    if reference.get(period[0].month)
                    else None,
                }
            )
    result["rows"] = rows
    result["total_savings"] = sum((r["savings"] for r in rows), Decimal(0)) if rows else None
    if baseline.driver_id:
        from zist.indicators.rollups import Figures

        figures = Figures(user, baseline.unit, baseline.report_start, baseline.report_end)
        result["ratio"] = services.ratio(figures.at(baseline.energy), figures.at(baseline.driver))
    return result
