"""Figures of indicators for a unit subtree and a reporting year, rolled up the tree.

`Figures` reads, for one root unit and one period, every unit's own data with one
aggregate query per indicator (entered values, meter consumption, the GHG inventory)
and then adds them up for any unit of the subtree in memory. Every query goes through
`.restrict(user, "view")`, so a district representative's figures for Region 2 hold
her district's data only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from functools import cached_property

from django.db.models import Avg, Max, Min, Sum

from zist.core import calendars
from zist.core.querysets import subtree_q
from zist.indicators import formulas, quantities
from zist.indicators.models import Aggregation, Indicator, IndicatorValue, Source


def year_period(organisation, label: int) -> calendars.ReportingYear:
    """Reporting year `label` in the organisation's calendar (1403: 20 March 2024 – 20
    March 2025 for Tehran; 2024: the calendar year for Albertslund)."""
    return calendars.reporting_year_by_label(
        label, organisation.calendar, organisation.year_start_month, organisation.year_start_day
    )


def current_year_label(organisation, today: dt.date) -> int:
    return organisation.reporting_year(today).label


class Figures:
    """Indicator figures of `root`'s subtree for [start, end) as `user` may see them."""

    def __init__(self, user, root, start: dt.date, end: dt.date, restricted: bool = True):
        """`restricted=False` reads every unit's data whoever asks: only for figures the
        system stores on a record (an objective's current value), never for a page."""
        from zist.organisations.models import Unit

        self.user = user
        self.restricted = restricted
        if not isinstance(root, Unit) or not Unit.organisation.is_cached(root):
            root = Unit.objects.select_related("organisation").get(pk=root.pk)
        self.root = root
        self.start, self.end = start, end
        self._own: dict[int, dict[int, Decimal]] = {}
        self._totals: dict[int, Decimal | None] = {}
        self._ghg = None
        self._indicators: dict[str, Indicator | None] = {}

    @cached_property
    def units(self) -> dict:
        """The subtree's units by id (read when a figure per unit is asked for)."""
        from zist.organisations.models import Unit

        return {
            unit.pk: unit
            for unit in Unit.objects.filter(path__startswith=self.root.path).only(
                "id", "path", "name", "depth", "parent_id"
            )
        }

    @cached_property
    def bounds(self):
        """The period as aware datetimes at midnight in the organisation's time zone."""
        from zist.meters.services import period_bounds

        return period_bounds(self.start, self.end, self.root.organisation.time_zone)

    def visible(self, model):
        """The model's rows this Figures may read."""
        return model.objects.restrict(self.user, "view") if self.restricted else model.objects

    # Own data per unit ------------------------------------------------------------

    def own(self, indicator: Indicator) -> dict[int, Decimal]:
        """Each unit's own figure (data attached to that unit itself)."""
        if indicator.pk not in self._own:
            self._own[indicator.pk] = self._compute_own(indicator)
        return self._own[indicator.pk]

    def _compute_own(self, indicator: Indicator) -> dict[int, Decimal]:
        if indicator.source == Source.ENTERED:
            return self._entered(indicator)
        if indicator.source == Source.METERS:
            return self._metered(indicator)
        if indicator.source in (Source.SCOPE1, Source.SCOPE2_LOCATION, Source.SCOPE2_MARKET):
            return self._ghg_figures(indicator)
        return {}

    def _entered(self, indicator) -> dict[int, Decimal]:
        values = (
            self.visible(IndicatorValue)
            .filter(subtree_q("unit", [self.root.path]))
            .filter(indicator=indicator, period_start__gte=self.start, period_start__lt=self.end)
        )
        if indicator.aggregation == Aggregation.LAST:
            latest: dict[int, tuple] = {}
            for unit_id, start, value in values.values_list(
                "unit_id", "period_start", "normalised"
            ):
                if unit_id not in latest or start > latest[unit_id][0]:
                    latest[unit_id] = (start, value)
            return {unit_id: item[1] for unit_id, item in latest.items()}
        function = Avg if indicator.aggregation == Aggregation.MEAN else Sum
        rows = values.values("unit_id").annotate(total=function("normalised")).order_by()
        return {row["unit_id"]: Decimal(row["total"]) for row in rows}

    def _metered(self, indicator) -> dict[int, Decimal]:
        from zist.meters.models import Reading
        from zist.meters.services import consumption_rows

        start, end = self.bounds
        readings = self.visible(Reading).filter(meter__indicator=indicator)
        months = self.months.filter(meter__indicator=indicator)
        result: dict[int, Decimal] = defaultdict(Decimal)
        rows = consumption_rows(
            readings, start, end, [self.root.path], months, self.root.organisation
        )
        for row in rows:
            if row["total"] is None:
                continue
            result[row["meter__unit_id"]] += quantities.convert(
                Decimal(str(row["total"])), row["meter__measure_unit"], indicator.measure_unit
            )
        return dict(result)

    @cached_property
    def months(self):
        """The kept monthly sums this Figures may read (where its readings are)."""
        from zist.meters import aggregates

        return aggregates.visible(self.user, self.restricted)

    def _metered_total(self, indicator) -> Decimal | None:
        """The whole subtree's metered figure without a figure per unit: the kept sums
        of the period's whole months in the organisation's calendar, and the readings
        of partial months at its edges (decision 0027), each in one query shaped like a
        hand-written SUM. The smallest and largest unit of measure of the indicator's
        meters are asked first (from an index on the meter table): when they are equal
        (nearly always) the sum is converted at once; otherwise it is summed per unit
        of measure."""
        if indicator.pk in self._totals:
            return self._totals[indicator.pk]
        from zist.meters import aggregates
        from zist.meters.models import Meter, Reading

        # The indicator's meters anywhere, not only the subtree's: two probes of an
        # index rather than a scan of the subtree's meters.
        extremes = Meter.objects.filter(indicator=indicator).aggregate(
            lowest=Min("measure_unit"), highest=Max("measure_unit")
        )
        if extremes["lowest"] is None:
            measure_units = []
        elif extremes["lowest"] == extremes["highest"]:
            measure_units = [extremes["lowest"]]
        else:
            measure_units = list(extremes.values())  # several: summed per unit
        start, end = self.bounds
        whole, edges = aggregates.split(self.root.organisation, start, end)
        parts: list[tuple[str, Decimal]] = []
        if whole is not None and measure_units:
            months = self.months.filter(
                subtree_q("meter__unit", [self.root.path]),
                meter__indicator=indicator,
                month_start__gte=whole[0],
                month_start__lt=whole[1],
            )
            parts += self._sums(months, measure_units)
        for a, b in edges if measure_units else ():
            readings = (
                self.visible(Reading)
                .filter(subtree_q("meter__unit", [self.root.path]), meter__indicator=indicator)
                .filter(interval_start__gte=a, interval_start__lt=b)
            )
            parts += self._sums(readings, measure_units)
        total = None
        for measure_unit, value in parts:
            if value is not None:
                converted = quantities.convert(
                    Decimal(str(value)), measure_unit, indicator.measure_unit
                )
                total = converted if total is None else total + converted
        self._totals[indicator.pk] = total
        return total

    @staticmethod
    def _sums(rows, measure_units: list[str]) -> list:
        """(unit of measure, sum of consumption) of the rows (readings or kept months)."""
        if len(measure_units) == 1:
            return [(measure_units[0], rows.aggregate(total=Sum("consumption"))["total"])]
        return list(rows.values_list("meter__measure_unit").annotate(Sum("consumption")).order_by())

    def inventory(self):
        """GHG inventory lines of the subtree (computed once per Figures)."""
        if self._ghg is None:
            from zist.emissions import services
            from zist.meters.models import Reading

            start, end = self.bounds
            label = self.root.organisation.reporting_year(self.start).label
            self._ghg = services.inventory(
                self.visible(Reading), self.root, start, end, label, self.months
            )
        return self._ghg

    def _ghg_figures(self, indicator) -> dict[int, Decimal]:
        result: dict[int, Decimal] = defaultdict(Decimal)
        for line in self.inventory():
            if line.location_kg is None:
                continue
            if indicator.source == Source.SCOPE1 and line.scope == 1:
                kg = line.location_kg
            elif indicator.source == Source.SCOPE2_LOCATION and line.scope == 2:
                kg = line.location_kg
            elif indicator.source == Source.SCOPE2_MARKET and line.scope == 2:
                kg = line.market_kg
            else:
                continue
            result[line.unit_id] += quantities.convert(kg, "kg", indicator.measure_unit)
        return dict(result)

    # Roll-up ---------------------------------------------------------------------

    def at(self, indicator: Indicator, unit=None, _seen: frozenset = frozenset()):
        """The figure of `indicator` for `unit`'s subtree (default: the root)."""
        if unit is not None and getattr(unit, "pk", unit) == self.root.pk:
            unit = None
        if unit is None and indicator.source == Source.METERS and indicator.pk not in self._own:
            return self._metered_total(indicator)
        unit = self.units.get(getattr(unit, "pk", unit), self.root) if unit else self.root
        if indicator.source == Source.FORMULA:
            return self._formula(indicator, unit, _seen)
        own = self.own(indicator)
        values = [
            value
            for unit_id, value in own.items()
            if self.units[unit_id].path.startswith(unit.path)
        ]
        return sum(values, Decimal(0)) if values else None

    def _formula(self, indicator, unit, seen):
        if indicator.pk in seen:
            return None
        try:
            node = formulas.parse(indicator.formula)
        except formulas.FormulaError:
            return None
        values: dict[str, Decimal | None] = {formulas.DAYS: Decimal((self.end - self.start).days)}
        for code in formulas.references(node):
            referenced = self.indicator(code)
            values[code] = (
                None if referenced is None else self.at(referenced, unit, seen | {indicator.pk})
            )
        return formulas.evaluate(node, values)

    def indicator(self, code: str) -> Indicator | None:
        """The indicator a formula's code means here: the one defined nearest above (or
        at) the root, else one defined inside the subtree."""
        if code not in self._indicators:
            candidates = list(
                Indicator.objects.filter(
                    code=code, unit__organisation=self.root.organisation
                ).select_related("unit")
            )
            above = [c for c in candidates if self.root.path.startswith(c.unit.path)]
            pool = above or [c for c in candidates if c.unit.path.startswith(self.root.path)]
            pool.sort(key=lambda c: len(c.unit.path), reverse=True)
            self._indicators[code] = pool[0] if pool else None
        return self._indicators[code]

    def children(self):
        """The root's direct children, in tree order."""
        return sorted(
            (u for u in self.units.values() if u.depth == self.root.depth + 1),
            key=lambda u: u.path,
        )


def indicators_for(user, root):
    """Indicators that apply to `root`: defined on it, above it or inside it, visible
    to the user."""
    from zist.indicators.models import ancestors_or_subtree_q

    return (
        Indicator.objects.restrict(user, "view")
        .filter(ancestors_or_subtree_q("unit", [root.path]))
        .filter(unit__organisation=root.organisation_id)
        .select_related("unit")
    )


def emas_core(user, root, period) -> list[dict]:
    """EMAS core indicators of the subtree for one year: A, B and R = A / B, with B
    the organisation's chosen reference value."""
    from zist.indicators.models import settings_for

    figures = Figures(user, root, period.start, period.end)
    settings = settings_for(figures.root)
    reference = settings.emas_reference if settings else None
    b = figures.at(reference) if reference else None
    rows = []
    for indicator in indicators_for(user, figures.root).filter(emas_core=True):
        a = figures.at(indicator)
        r = None if a is None or not b else a / b
        rows.append({"indicator": indicator, "a": a, "b": b, "r": r, "reference": reference})
    return rows
