"""Monitoring benchmark: a national-scale dataset, import throughput and roll-up timings
against a hand-written SQL floor, on SQLite or PostgreSQL.

    python benchmarks/monitoring.py --database sqlite --meters 50000 --days 200
    python benchmarks/monitoring.py --database postgresql --meters 50000 --days 200

Besides the import and the roll-ups against a SUM over the readings, it times the
roll-ups against the floor of the kept monthly sums (a hand-written SUM over them,
decision 0027), the whole organisation's green accounts, one corrected reading, and
`zist aggregates check` over every kept month (which must find no difference).
`--calendar jalali` makes the organisation Tehran's (months from mid-March).

The full scale of issue 4 is 50 000 meters × 200 daily readings = 10 million readings
on a unit tree five levels deep (organisation › 10 regions › 10 districts › 5
departments › sites with 10 meters each). Generated files and databases live in
benchmarks/data/ (git-ignored); the PostgreSQL database `zist_bench` is dropped and
created again. Results are printed as a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import statistics
import sys
import time
import zoneinfo
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
REGIONS, DISTRICTS, DEPARTMENTS, METERS_PER_SITE = 10, 10, 5, 10


def configure(database: str, url: str, sqlite_folder: str = "sqlite") -> None:
    """Point Zist at a fresh benchmark database, before Django starts (also used by
    the other benchmarks)."""
    sys.path.insert(0, str(HERE.parent))
    os.environ.setdefault("ZIST_WARN_UNCOMMITTED_APPS", "0")
    if database == "postgresql":
        import psycopg

        admin = url.rsplit("/", 1)[0] + "/postgres"
        name = url.rsplit("/", 1)[1]
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = url
    else:
        folder = DATA / sqlite_folder
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        os.environ["ZIST_DATA_DIR"] = str(folder)
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zist.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def step(path: str, index: int) -> str:
    """The materialised path of a unit's `index`-th child (treebeard, steplen 4)."""
    digits = ""
    while True:
        index, rest = divmod(index, 36)
        digits = ALPHABET[rest] + digits
        if index == 0:
            break
    return path + digits.rjust(4, "0")


def build_tree(meters: int, calendar: str = "gregorian"):
    """Organisation, a five-level unit tree, an indicator and the meters (bulk)."""
    from zist.indicators.models import Indicator
    from zist.meters.models import Meter
    from zist.organisations import services
    from zist.organisations.models import Unit

    zone = "Asia/Tehran" if calendar == "jalali" else "Europe/Copenhagen"
    organisation = services.create_organisation(
        name="Benchmark", language="en", calendar=calendar, time_zone=zone
    )
    root = Unit.objects.get(organisation=organisation, depth=1)
    sites_needed = max(1, meters // METERS_PER_SITE)
    per_department = max(1, -(-sites_needed // (REGIONS * DISTRICTS * DEPARTMENTS)))
    levels = [
        (REGIONS, "region"),
        (DISTRICTS, "district"),
        (DEPARTMENTS, "department"),
        (per_department, "site"),
    ]
    parents = [root]
    sites = []
    for width, kind in levels:
        children = []
        for parent in parents:
            for index in range(1, width + 1):
                if kind == "site" and len(sites) >= sites_needed:
                    break
                code = f"{parent.code}-{index}" if parent.depth > 1 else f"r{index}"
                unit = Unit(
                    organisation=organisation,
                    parent=parent,
                    name=code,
                    code=code,
                    kind=kind,
                    path=step(parent.path, index),
                    depth=parent.depth + 1,
                    numchild=0,
                )
                children.append(unit)
                if kind == "site":
                    sites.append(unit)
            parent.numchild = sum(1 for c in children if c.path.startswith(parent.path))
        Unit.objects.bulk_create(children, batch_size=5000)
        Unit.objects.bulk_update(parents, ["numchild"], batch_size=5000)
        children = list(Unit.objects.filter(organisation=organisation, depth=parents[0].depth + 1))
        if kind == "site":
            sites = children
        parents = children
    indicator = Indicator.objects.create(
        unit=root,
        code="ELEC",
        name="Electricity",
        measure_unit="kWh",
        source="meters",
        category="energy",
    )
    Meter.objects.bulk_create(
        [
            Meter(
                unit=site,
                code=f"M{site.pk}-{n}",
                carrier="electricity",
                kind="cumulative",
                measure_unit="kWh",
                interval="daily",
                indicator=indicator,
            )
            for site in sites
            for n in range(METERS_PER_SITE)
        ][:meters],
        batch_size=5000,
    )
    return organisation, root, indicator


def write_files(root, days: int) -> list[tuple[Path, object]]:
    """One CSV per region: every meter's cumulative register at midnight, daily."""
    from zist.meters.models import Meter
    from zist.organisations.models import Unit

    folder = DATA / "files"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng = random.Random(4)
    start = dt.date(2024, 1, 1)
    stamps = [(start + dt.timedelta(days=d)).isoformat() + " 00:00" for d in range(days)]
    files = []
    for region in Unit.objects.filter(organisation=root.organisation, depth=2).order_by("path"):
        path = folder / f"{region.code}.csv"
        with path.open("w") as out:
            out.write("meter,timestamp,value\n")
            for code in Meter.objects.filter(unit__path__startswith=region.path).values_list(
                "code", flat=True
            ):
                register = rng.uniform(0, 50_000)
                daily = rng.uniform(20, 400)
                lines = []
                for stamp in stamps:
                    register += daily * rng.uniform(0.7, 1.3)
                    lines.append(f"{code},{stamp},{register:.1f}\n")
                out.write("".join(lines))
        if path.stat().st_size > len("meter,timestamp,value\n"):
            files.append((path, region))
    return files


def make_copy_floor_table() -> str:
    """The import's floor on PostgreSQL: an empty copy of the readings table, partitioned
    the same way with the same indexes, into which each file's stored rows are COPYed
    right after the import (so both tables grow alike)."""
    from django.db import connection

    from zist.meters import partitions

    table = "zist_bench_copy_floor"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {table} CASCADE")
        cursor.execute(f"CREATE TABLE {table} (LIKE {partitions.TABLE} INCLUDING ALL)")
        partitions.partition_table(cursor, table)
    return table


def copy_floor(table: str, batch_id: int) -> float:
    """Seconds to COPY the rows one import stored (read back in COPY's text format
    beforehand) into the floor table, commit included."""
    from django.db import connection, transaction

    from zist.meters import partitions, store

    columns = ", ".join(store.INSERT_COLUMNS)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        chunks = []
        with raw.copy(
            f"COPY (SELECT {columns} FROM {partitions.TABLE} WHERE batch_id = {int(batch_id)}) "
            "TO STDOUT"
        ) as copy:
            chunks = [bytes(data) for data in copy]
        cursor.execute(
            f"SELECT EXTRACT(YEAR FROM MIN(timestamp) AT TIME ZONE 'UTC')::int, "
            f"EXTRACT(YEAR FROM MAX(timestamp) AT TIME ZONE 'UTC')::int "
            f"FROM {partitions.TABLE} WHERE batch_id = %s",
            [batch_id],
        )
        first, last = cursor.fetchone()
    partitions.ensure_years(first, last, table=table)
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for data in chunks:
                copy.write(data)
    return time.perf_counter() - started


def best_of(function, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


def _sum_sql(table: str, when: str, indicator, unit, start, end):
    """SUM(consumption) of `table` (alias k) over the unit's subtree and one indicator,
    for rows whose `when` column falls in the period: one hand-written query."""
    from django.db import connection

    from zist.meters.services import period_bounds

    lower, upper = period_bounds(start, end, unit.organisation.time_zone)
    ops = connection.ops
    sql = (
        f"SELECT SUM(k.consumption) FROM {table} k "
        "JOIN meters_meter m ON m.id = k.meter_id "
        "JOIN organisations_unit u ON u.id = m.unit_id "
        "WHERE u.path LIKE %s AND m.indicator_id = %s "
        f"AND k.{when} >= %s AND k.{when} < %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                unit.path + "%",
                indicator.pk,
                ops.adapt_datetimefield_value(lower),
                ops.adapt_datetimefield_value(upper),
            ],
        )
        return cursor.fetchone()[0]


def floor_sql(indicator, unit, start, end):
    """The same yearly total in one hand-written query over the readings: the floor."""
    return _sum_sql("meters_reading", "interval_start", indicator, unit, start, end)


def kept_floor(indicator, unit, start, end):
    """The same yearly total from the kept monthly sums in one hand-written query: the
    floor of a roll-up that reads them (decision 0027)."""
    return _sum_sql("meters_monthlyconsumption", "month_start", indicator, unit, start, end)


def correct_one_reading(user):
    """Correct a meter's latest reading through the register's save path, as the page
    and the API do: its month's kept sum and the month's roll-up, before and after,
    read inside the same transaction."""
    from django.db import transaction

    from zist.core.registry import save_record
    from zist.indicators.rollups import Figures
    from zist.meters.models import MonthlyConsumption, Reading
    from zist.meters.registers import ReadingRegister

    reading = Reading.objects.filter(meter=Reading.objects.order_by("pk")[0].meter_id).first()
    kept = MonthlyConsumption.objects.filter(
        meter=reading.meter_id, month_start__lte=reading.interval_start
    ).order_by("-month_start")[0]
    unit, indicator = reading.meter.unit, reading.meter.indicator
    zone = zoneinfo.ZoneInfo(unit.organisation.time_zone)
    first = kept.month_start.astimezone(zone).date()
    last = reading.timestamp.astimezone(zone).date() + dt.timedelta(days=1)

    def month_figure():
        return Figures(user, unit, first, last).at(indicator)

    class Request:
        pass

    request = Request()
    request.user = user
    before = (kept.consumption, month_figure())
    with transaction.atomic():
        reading.value = reading.value - 5
        reading.quality = "corrected"
        save_record(ReadingRegister, reading, request)
        after = MonthlyConsumption.objects.get(meter=kept.meter_id, month_start=kept.month_start)
        return before, (after.consumption, month_figure())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/zist_bench")
    parser.add_argument("--meters", type=int, default=50_000)
    parser.add_argument("--days", type=int, default=200, help="daily readings per meter")
    parser.add_argument(
        "--calendar", choices=["gregorian", "jalali"], default="gregorian", help="organisation's"
    )
    parser.add_argument(
        "--year",
        type=int,
        default=2024,
        help="reporting year of the roll-ups and green accounts (readings start 2024-01-01; "
        "the green accounts show it and the two years before)",
    )
    args = parser.parse_args()
    configure(args.database, args.url)

    from django.contrib.auth import get_user_model
    from django.db import connection

    from zist.indicators.accounts import green_accounts
    from zist.indicators.rollups import Figures, year_period
    from zist.meters import aggregates, imports
    from zist.organisations.models import Unit

    started = time.perf_counter()
    organisation, root, indicator = build_tree(args.meters, args.calendar)
    files = write_files(root, args.days)
    print(
        f"generated {args.meters} meters, {args.meters * args.days} readings, "
        f"{Unit.objects.filter(organisation=organisation).count()} units "
        f"in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    rows = seconds = cpu = copy_seconds = 0.0
    durations = []
    floor_table = make_copy_floor_table() if connection.vendor == "postgresql" else None
    for path, region in files:
        began, cpu_began = time.perf_counter(), time.process_time()
        with path.open("rb") as handle:
            report = imports.import_readings(handle, path.name, region)
        took = time.perf_counter() - began
        cpu += time.process_time() - cpu_began
        assert report.ok, report.errors[:3]
        rows += report.rows
        seconds += took
        durations.append(took)
        copied = copy_floor(floor_table, report.batch.pk) if floor_table else 0.0
        copy_seconds += copied
        print(
            f"  {path.name}: {report.rows} rows in {took:.1f} s"
            + (f"; COPY of the same rows {copied:.1f} s" if floor_table else ""),
            file=sys.stderr,
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    again_started = time.perf_counter()
    with files[0][0].open("rb") as handle:
        again = imports.import_readings(handle, files[0][0].name, files[0][1])
    again_took = time.perf_counter() - again_started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    user = get_user_model().objects.create_superuser("bench", "b@example.org", "x", home_unit=root)
    year = year_period(organisation, organisation.reporting_year(dt.date(args.year, 6, 1)).label)
    start, end = year.start, year.end
    district = Unit.objects.filter(organisation=organisation, depth=3).order_by("path").first()
    results = []
    for label, unit in (("root", root), ("one district", district)):
        unit = Unit.objects.select_related("organisation").get(pk=unit.pk)
        rollup, total = best_of(lambda u=unit: Figures(user, u, start, end).at(indicator))
        floor, floor_total = best_of(lambda u=unit: floor_sql(indicator, u, start, end))
        kept, kept_total = best_of(lambda u=unit: kept_floor(indicator, u, start, end))
        assert abs(float(total) - float(floor_total)) < 1e-6 * max(1.0, float(floor_total)), (
            total,
            floor_total,
        )
        # Exact on PostgreSQL (numeric); SQLite adds its decimals as floating point.
        assert total == kept_total or abs(float(total) - float(kept_total)) < 1e-6, (
            total,
            kept_total,
        )
        results.append((label, rollup, floor, kept))
    accounts_took, _ = best_of(lambda: green_accounts(user, root, year.label))
    smallest, _ = best_of(lambda: get_user_model().objects.filter(pk=user.pk).first())
    corrected = correct_one_reading(user)
    check_started = time.perf_counter()
    differing = aggregates.differences()
    check_took = time.perf_counter() - check_started
    vendor = connection.vendor
    print(
        "\n| database | meters | readings | import (readings/s, wall) "
        "| import (readings per CPU-second of Zist) | re-import of one file "
        "| roll-up root | SQL floor root | roll-up district | SQL floor district |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    (_, r_root, f_root, k_root), (_, r_district, f_district, k_district) = results
    print(
        f"| {vendor} | {args.meters:,} | {int(rows):,} | {rows / seconds:,.0f} "
        f"| {rows / cpu:,.0f} "
        f"| {again.created} new in {again_took:.1f} s | {r_root * 1000:,.0f} ms "
        f"| {f_root * 1000:,.0f} ms | {r_district * 1000:,.1f} ms | {f_district * 1000:,.1f} ms |"
    )
    print(
        "\n| roll-up root | kept-sum floor root | ratio | roll-up district "
        "| kept-sum floor district | ratio | green accounts, whole organisation "
        "| check of every kept month |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {r_root * 1000:,.1f} ms | {k_root * 1000:,.1f} ms | {r_root / k_root:.2f}× "
        f"| {r_district * 1000:,.1f} ms | {k_district * 1000:,.1f} ms "
        f"| {r_district / k_district:.2f}× | {accounts_took * 1000:,.0f} ms "
        f"| {len(differing)} differences in {check_took:.1f} s |"
    )
    print(
        f"\ncorrected the latest reading of a meter by −5: (kept month, month's roll-up) "
        f"{corrected[0]} → {corrected[1]}; "
        f"a one-row query took {smallest * 1000:.2f} ms",
        file=sys.stderr,
    )
    print(
        f"\nimport {rows / seconds:,.0f} readings/s; COPY of the same rows into the same "
        f"partitioned table: {rows / copy_seconds if copy_seconds else 0:,.0f} readings/s; "
        f"import / COPY {copy_seconds / seconds:.2f}×; peak memory of this process "
        f"{peak_mb:,.0f} MB",
        file=sys.stderr,
    )
    print(
        f"\nroll-up / floor: root {r_root / f_root:.2f}×, district "
        f"{r_district / f_district:.2f}×; import total {seconds:.1f} s "
        f"(median file {statistics.median(durations):.1f} s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
