"""Consumption from readings, gaps and outliers, and roll-ups over the unit tree.

`derive` and `outliers` are pure functions (tested on small worked examples); the rest
reads and writes the database through them.
"""

from __future__ import annotations

import datetime as dt
import statistics
import zoneinfo
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

from django.db import transaction
from django.db.models import Sum

from zist.meters import aggregates
from zist.meters.models import Flag, Meter, MeterKind, Reading, ReadingInterval

EXPECTED = {
    ReadingInterval.HOURLY: dt.timedelta(hours=1),
    ReadingInterval.DAILY: dt.timedelta(days=1),
    ReadingInterval.MONTHLY: dt.timedelta(days=31),
}
# A pause longer than this many expected intervals is a gap.
GAP_TOLERANCE = 1.5
# Robust z-score (median and MAD) above which a consumption is an outlier.
OUTLIER_Z = 6.0


class Point(NamedTuple):
    """A reading as the computations see it (a tuple: imports make millions)."""

    timestamp: dt.datetime
    value: float
    restart: bool = False


class Derived(NamedTuple):
    consumption: float | None
    interval_start: dt.datetime | None
    flag: str


def derive(
    points: Sequence[Point],
    kind: str,
    previous: Point | None = None,
    rollover: float | None = None,
    interval: str = ReadingInterval.IRREGULAR,
) -> list[Derived]:
    """Consumption of each reading (sorted by time), continuing from `previous`.

    Cumulative registers: the difference from the previous reading, attributed to the
    interval starting at the previous reading. A register that went backwards is a
    roll-over when the meter has a roll-over value (the difference plus that value),
    otherwise it is flagged and counts nothing. A reading marked as a new register
    (meter replaced) starts afresh: it counts nothing itself. Interval meters: the value
    is the consumption of the interval starting at the reading. Gaps longer than the
    expected interval are flagged, never filled.
    """
    expected = EXPECTED.get(interval)
    result = []
    for point in points:
        gap = (
            expected is not None
            and previous is not None
            and point.timestamp - previous.timestamp > expected * GAP_TOLERANCE
        )
        if kind == MeterKind.INTERVAL:
            if point.value < 0:
                result.append(Derived(None, point.timestamp, Flag.NEGATIVE))
            else:
                result.append(Derived(point.value, point.timestamp, Flag.GAP if gap else Flag.OK))
        elif previous is None:
            result.append(Derived(None, None, Flag.FIRST))
        elif point.restart:
            result.append(Derived(None, previous.timestamp, Flag.RESTART))
        else:
            difference = point.value - previous.value
            flag = Flag.GAP if gap else Flag.OK
            if difference < 0:
                if rollover and difference + rollover >= 0:
                    difference += rollover
                    flag = Flag.ROLLOVER
                else:
                    difference, flag = None, Flag.NEGATIVE
            result.append(Derived(difference, previous.timestamp, flag))
        previous = point
    return result


def outliers(values: Sequence[float | None]) -> list[bool]:
    """Which values lie far from the others: robust z-score |x − median| / (1.4826 ·
    MAD) above OUTLIER_Z. Needs at least 8 values; None is never an outlier."""
    present = [v for v in values if v is not None]
    if len(present) < 8:
        return [False] * len(values)
    median = statistics.median(present)
    mad = statistics.median(abs(v - median) for v in present)
    if mad == 0:
        return [False] * len(values)
    scale = 1.4826 * mad
    return [v is not None and abs(v - median) / scale > OUTLIER_Z for v in values]


def apply_outliers(derived: list[Derived]) -> list[Derived]:
    marks = outliers([d.consumption for d in derived])
    return [
        Derived(d.consumption, d.interval_start, Flag.OUTLIER) if mark and not d.flag else d
        for d, mark in zip(derived, marks, strict=True)
    ]


@transaction.atomic
def recompute_meter(meter: Meter, since: dt.datetime | None = None) -> int:
    """Derive consumption, interval and flags again for a meter's readings (from the
    reading before `since` on, or all); returns how many readings changed."""
    # Derivations of one meter take turns, each reading what the one before committed.
    aggregates.lock_meters([meter.pk])
    readings = Reading.objects.filter(meter=meter).order_by("timestamp")
    previous = None
    # Consumption changes only for intervals starting at the reading before `since`
    # or later: the kept months from there on are recomputed below.
    months_since = since
    if since is not None:
        before = readings.filter(timestamp__lt=since).last()
        readings = readings.filter(timestamp__gte=since)
        if before is not None:
            previous = Point(before.timestamp, before.value, before.restart)
            months_since = before.timestamp
    rows = list(
        readings.only(
            "id", "timestamp", "value", "restart", "consumption", "interval_start", "flag"
        )
    )
    derived = derive(
        [Point(r.timestamp, r.value, r.restart) for r in rows],
        meter.kind,
        previous,
        meter.rollover,
        meter.interval,
    )
    derived = apply_outliers(derived)
    changed = []
    for reading, new in zip(rows, derived, strict=True):
        if (reading.consumption, reading.interval_start, reading.flag) != (
            new.consumption,
            new.interval_start,
            new.flag,
        ):
            reading.consumption, reading.interval_start, reading.flag = (
                new.consumption,
                new.interval_start,
                new.flag,
            )
            changed.append(reading)
    Reading.objects.bulk_update(changed, ["consumption", "interval_start", "flag"], batch_size=2000)
    aggregates.refresh([meter.pk], months_since)
    return len(changed)


def period_bounds(start: dt.date, end: dt.date, time_zone: str) -> tuple[dt.datetime, dt.datetime]:
    """Aware datetimes of the start of `start` and of `end` (exclusive) in a time zone:
    the Iranian year 1403 starts at 00:00 Tehran time on 20 March 2024."""
    zone = zoneinfo.ZoneInfo(time_zone)
    return (
        dt.datetime.combine(start, dt.time(), zone),
        dt.datetime.combine(end, dt.time(), zone),
    )


def consumption_rows(
    readings,
    start: dt.datetime,
    end: dt.datetime,
    unit_paths: Iterable[str],
    months=None,
    organisation=None,
):
    """Summed consumption per unit, carrier, unit of measure and indicator, of the
    readings (a restricted queryset) whose interval starts in [start, end) on meters
    in the given subtrees.

    With `months` (the kept monthly sums, restricted alike) and the `organisation`
    whose calendar the period is in, whole months come from the kept sums and only
    the partial months at the edges from the readings (decision 0027); the totals are
    then decimals.

    Two queries: the sum per meter (grouped on the reading index's leading column, so
    the database streams it without sorting), then the meters' unit, carrier and
    unit of measure, combined here. Grouping the readings by unit and carrier in the
    database instead sorts every reading and is several times slower on SQLite.
    """
    from zist.core.querysets import subtree_q

    paths = list(unit_paths)
    readings = readings.filter(subtree_q("meter__unit", paths))
    if months is None:
        totals = _per_meter(readings, start, end)
    else:
        whole, edges = aggregates.split(organisation, start, end)
        totals = {}
        if whole is not None:
            kept = months.filter(subtree_q("meter__unit", paths))
            totals = aggregates.per_meter(kept, *whole)
        for a, b in edges:
            for pk, total in _per_meter(readings, a, b).items():
                if total is not None:
                    totals[pk] = totals.get(pk, Decimal(0)) + Decimal(str(total))
    if not totals:
        return []
    keys = ("meter__unit_id", "meter__carrier", "meter__measure_unit", "meter__indicator_id")
    grouped: dict[tuple, float | Decimal | None] = {}
    zero = 0.0 if months is None else Decimal(0)
    meters = Meter.objects.filter(subtree_q("unit", paths)).values_list(
        "pk", "unit_id", "carrier", "measure_unit", "indicator_id"
    )
    for pk, *key in meters.iterator(chunk_size=10000):
        if pk not in totals or totals[pk] is None:
            continue
        key = tuple(key)
        grouped[key] = (grouped.get(key) or zero) + totals[pk]
    return [dict(zip(keys, key, strict=True), total=total) for key, total in grouped.items()]


def _per_meter(readings, start: dt.datetime, end: dt.datetime) -> dict:
    per_meter = (
        readings.filter(interval_start__gte=start, interval_start__lt=end)
        .values_list("meter_id")
        .annotate(total=Sum("consumption"))
        .order_by()
    )
    return dict(per_meter)
