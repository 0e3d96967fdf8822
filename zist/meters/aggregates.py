"""Kept monthly sums of consumption per meter, exact and never stale (decision 0027).

A month is a month of the meter's organisation's calendar (Jalali or Gregorian) from
midnight of its first day in the organisation's time zone; a reading belongs to the
month its consumption interval starts in, as roll-ups count it. The kept sum is exact:
each reading's consumption rounded to nine decimals (`kept`), added exactly, so a month
refreshed from its readings and a month grown by an import's new readings hold the
same number, and `check` can demand equality rather than closeness.

Every path that changes consumption keeps the months in the same transaction: the
reading import adds its new readings' sums (`add`), and `services.recompute_meter` —
which every typed reading, correction, deletion, meter replacement and roll-over goes
through — recomputes the months it touched from the readings (`refresh`). Roll-ups read
whole months here and only the partial months at a period's edges from the readings
(`split`).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterable
from decimal import Context, Decimal, localcontext

from django.db import connection, transaction

from zist.core import calendars

NINE = Decimal("1e-9")
BILLION = 10**9
CHUNK = 2000
# Room for any sum the kept column holds (30 digits).
WIDE = Context(prec=60)


def kept(consumption: float) -> int:
    """A reading's consumption as the kept sums add it, in billionths: its exact
    binary value rounded half to even to nine decimals. Integer arithmetic, twice as
    fast as going through decimal text, which counts on imports of millions."""
    numerator, denominator = consumption.as_integer_ratio()
    quotient, remainder = divmod(numerator * BILLION, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient & 1):
        quotient += 1
    return quotient


class Calendar:
    """Month boundaries in one organisation's calendar and time zone."""

    def __init__(self, calendar: str, time_zone: str):
        self.jalali = calendar == calendars.JALALI
        self.zone = zoneinfo.ZoneInfo(time_zone)
        self._starts: dict[dt.datetime, dt.datetime] = {}

    def first_day(self, day: dt.date) -> dt.date:
        """The first day of the month `day` lies in."""
        if self.jalali:
            j = calendars.to_jalali(day)
            return calendars.from_jalali(j.year, j.month, 1)
        return day.replace(day=1)

    def next_first_day(self, day: dt.date) -> dt.date:
        """The first day of the month after the one `day` lies in."""
        if self.jalali:
            j = calendars.to_jalali(day)
            year, month = (j.year + 1, 1) if j.month == 12 else (j.year, j.month + 1)
            return calendars.from_jalali(year, month, 1)
        return calendars.add_months(day.replace(day=1), 1)

    def midnight(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(), self.zone)

    def month_start(self, moment: dt.datetime) -> dt.datetime:
        """The start of the month `moment` lies in (cached: the same times repeat for
        every meter of an import)."""
        start = self._starts.get(moment)
        if start is None:
            start = self.midnight(self.first_day(moment.astimezone(self.zone).date()))
            self._starts[moment] = start
        return start

    def whole_months(self, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
        """The whole months inside [start, end) as [first, last) days, or None."""
        first = start if self.first_day(start) == start else self.next_first_day(start)
        last = self.first_day(end)
        return (first, last) if first < last else None


def as_sqlite_keeps(total: Decimal) -> Decimal:
    """A sum as SQLite gives it back: it stores decimals as floating point and Django
    reads them to 15 significant digits."""
    return Context(prec=15).create_decimal_from_float(float(total)).quantize(NINE)


def calendar_of(organisation) -> Calendar:
    return Calendar(organisation.calendar, organisation.time_zone)


def meter_calendars(meter_ids: Iterable[int], Meter=None) -> dict[int, Calendar]:
    """Each meter's organisation's calendar (`Meter`: a migration's historical model)."""
    from zist.meters.models import Meter as MeterModel

    Meter = Meter or MeterModel
    by_setting: dict[tuple[str, str], Calendar] = {}
    found = {}
    rows = Meter.objects.filter(pk__in=list(meter_ids)).values_list(
        "pk", "unit__organisation__calendar", "unit__organisation__time_zone"
    )
    for pk, calendar, zone in rows:
        key = (calendar, zone)
        if key not in by_setting:
            by_setting[key] = Calendar(calendar, zone)
        found[pk] = by_setting[key]
    return found


def sums(rows: Iterable[tuple[int, dt.datetime, float | None]], calendars_by_meter) -> dict:
    """{(meter id, month start): [sum, readings]} of (meter id, interval start,
    consumption) rows; rows without a consumption count nothing."""
    result: dict[tuple[int, dt.datetime], list] = {}
    for meter_id, interval_start, consumption in rows:
        if consumption is None or interval_start is None:
            continue
        key = (meter_id, calendars_by_meter[meter_id].month_start(interval_start))
        bucket = result.get(key)
        if bucket is None:
            result[key] = [kept(consumption), 1]
        else:
            bucket[0] += kept(consumption)
            bucket[1] += 1
    for bucket in result.values():
        bucket[0] = Decimal(bucket[0]).scaleb(-9, WIDE)
    return result


def merge(into: dict, part: dict) -> None:
    """Add the sums of `part` to those of `into` (both as `sums` returns them)."""
    for key, (total, count) in part.items():
        bucket = into.get(key)
        if bucket is None:
            into[key] = [total, count]
        else:
            bucket[0] = WIDE.add(bucket[0], total)
            bucket[1] += count


def lock_meters(meter_ids: list[int]) -> None:
    """Make refreshes of one meter's months take turns (and wait for an import into
    it, which holds a share lock on its meters): each then reads the readings the one
    before it committed. SQLite has one writer at a time."""
    from zist.meters.models import Meter

    if connection.vendor == "postgresql" and meter_ids:
        list(
            Meter.objects.select_for_update()
            .filter(pk__in=meter_ids)
            .order_by("pk")
            .values_list("pk", flat=True)
        )


@transaction.atomic
def refresh(meter_ids: Iterable[int], since: dt.datetime | None = None) -> None:
    """Recompute the meters' months from the month containing `since` on (all months
    when None) from their readings: exact by construction."""
    from zist.meters.models import MonthlyConsumption, Reading

    ids = sorted(set(meter_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        lock_meters(chunk)
        by_meter = meter_calendars(chunk)
        readings = Reading.objects.filter(meter_id__in=chunk).order_by()
        months = MonthlyConsumption.objects.filter(meter_id__in=chunk)
        if since is not None:
            # The earliest month start of any of the meters' organisations.
            earliest = min(c.month_start(since) for c in by_meter.values()) if by_meter else since
            readings = readings.filter(interval_start__gte=earliest)
            months = months.filter(month_start__gte=earliest)
        found = sums(
            readings.values_list("meter_id", "interval_start", "consumption").iterator(
                chunk_size=20000
            ),
            by_meter,
        )
        if since is not None:
            # Months of other organisations' calendars that begin before `since`'s
            # month in this meter's calendar keep what they hold.
            found = {k: v for k, v in found.items() if k[1] >= by_meter[k[0]].month_start(since)}
            stale = [
                pk
                for pk, meter_id, month_start in months.values_list("pk", "meter_id", "month_start")
                if month_start >= by_meter[meter_id].month_start(since)
            ]
            MonthlyConsumption.objects.filter(pk__in=stale).delete()
        else:
            months.delete()
        _write(found)


@transaction.atomic
def add(found: dict) -> None:
    """Add sums of newly stored readings ({(meter id, month start): [sum, readings]})
    to the kept months: the import's path, exact because decimals add exactly."""
    from zist.meters.models import MonthlyConsumption

    if not found:
        return
    if connection.vendor == "postgresql":
        _add_in_sql(found)
        return
    meter_ids = sorted({meter_id for meter_id, _ in found})
    lowest = min(month for _, month in found)
    with localcontext() as context:
        context.prec = 60
        for start in range(0, len(meter_ids), CHUNK):
            chunk = meter_ids[start : start + CHUNK]
            stored = MonthlyConsumption.objects.filter(
                meter_id__in=chunk, month_start__gte=lowest
            ).values_list("pk", "meter_id", "month_start", "consumption", "readings")
            replaced = []
            for pk, meter_id, month_start, consumption, count in stored:
                bucket = found.get((meter_id, month_start))
                if bucket is not None:
                    bucket[0] += consumption
                    bucket[1] += count
                    replaced.append(pk)
            MonthlyConsumption.objects.filter(pk__in=replaced).delete()
    _write(found)


def _add_in_sql(found: dict) -> None:
    """PostgreSQL adds the sums to the kept months in one statement, exactly (numeric);
    a month not kept yet is inserted. Ten times faster than reading, deleting and
    inserting the months through the ORM, which counted in every import."""
    from zist.meters.models import MonthlyConsumption

    table = MonthlyConsumption._meta.db_table
    keys = sorted(found)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (meter_id, month_start, consumption, readings)
            SELECT * FROM unnest(%s::bigint[], %s::timestamptz[], %s::numeric[], %s::integer[])
            ON CONFLICT (meter_id, month_start) DO UPDATE SET
                consumption = {table}.consumption + EXCLUDED.consumption,
                readings = {table}.readings + EXCLUDED.readings
            """,
            [
                [meter_id for meter_id, _ in keys],
                [month_start for _, month_start in keys],
                [found[key][0] for key in keys],
                [found[key][1] for key in keys],
            ],
        )


def _write(found: dict) -> None:
    from zist.meters.models import MonthlyConsumption

    MonthlyConsumption.objects.bulk_create(
        (
            MonthlyConsumption(
                meter_id=meter_id, month_start=month_start, consumption=total, readings=count
            )
            for (meter_id, month_start), (total, count) in found.items()
        ),
        batch_size=5000,
    )


def rebuild_all(meter_ids: Iterable[int] | None = None) -> None:
    """Every kept month recomputed from the readings (after an upgrade, or a change
    of an organisation's calendar or time zone)."""
    from zist.meters.models import Meter

    ids = list(Meter.objects.values_list("pk", flat=True)) if meter_ids is None else meter_ids
    refresh(ids)


def differences(meter_ids: Iterable[int] | None = None) -> list[tuple]:
    """Every month where the kept sum differs from the readings, as (meter id, month
    start, kept (sum, readings) or None, readings' (sum, readings) or None)."""
    from zist.meters.models import Meter, MonthlyConsumption, Reading

    ids = sorted(
        Meter.objects.values_list("pk", flat=True) if meter_ids is None else set(meter_ids)
    )
    found = []
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        by_meter = meter_calendars(chunk)
        fresh = sums(
            Reading.objects.filter(meter_id__in=chunk)
            .order_by()
            .values_list("meter_id", "interval_start", "consumption")
            .iterator(chunk_size=20000),
            by_meter,
        )
        stored = {
            (meter_id, month_start): [consumption, count]
            for meter_id, month_start, consumption, count in MonthlyConsumption.objects.filter(
                meter_id__in=chunk
            ).values_list("meter_id", "month_start", "consumption", "readings")
        }
        if connection.vendor == "sqlite":
            fresh = {key: [as_sqlite_keeps(total), count] for key, (total, count) in fresh.items()}
        for key in sorted(set(fresh) | set(stored)):
            if fresh.get(key) != stored.get(key):
                found.append((*key, stored.get(key), fresh.get(key)))
    return found


def visible(user, restricted: bool = True):
    """The kept months `user` may read: those of meters whose readings they may see."""
    from zist.core.querysets import scope_paths, subtree_q
    from zist.meters.models import MonthlyConsumption, Reading

    months = MonthlyConsumption.objects.all()
    if not restricted:
        return months
    paths = scope_paths(user, Reading, "view")
    if paths is None:
        return months
    if not paths:
        return months.none()
    return months.filter(subtree_q("meter__unit", paths))


def split(organisation, start: dt.datetime, end: dt.datetime):
    """The period [start, end) as its whole months of the organisation's calendar
    ([first, last) month starts, or None) and the partial edges read from readings
    (a list of [from, to) ranges)."""
    calendar = calendar_of(organisation)
    zone = calendar.zone
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    months = None
    if local_start.time() == dt.time() and local_end.time() == dt.time():
        months = calendar.whole_months(local_start.date(), local_end.date())
    if months is None:
        return None, [(start, end)]
    first, last = calendar.midnight(months[0]), calendar.midnight(months[1])
    edges = [(a, b) for a, b in ((start, first), (last, end)) if a < b]
    return (first, last), edges


def per_meter(months_queryset, first: dt.datetime, last: dt.datetime) -> dict[int, Decimal]:
    """Kept sums per meter of the months starting in [first, last)."""
    from django.db.models import Sum

    rows = (
        months_queryset.filter(month_start__gte=first, month_start__lt=last)
        .values_list("meter_id")
        .annotate(total=Sum("consumption"))
        .order_by()
    )
    return {meter_id: Decimal(total) for meter_id, total in rows if total is not None}
