"""Export benchmark: a register list of 100 000 actions written as CSV and XLSX, as
ratios to a floor measured in the same run (issue 18, decision 0026).

    python benchmarks/exports.py --database sqlite --actions 100000 --sites 5000
    python benchmarks/exports.py --database postgresql --actions 100000 --sites 5000

The generator builds (bulk, no history rows) an organisation with a five-level unit
tree of --sites sites, five owners and --actions actions spread over the sites. As
the administrator (who sees every row), in Danish, it times, median of --runs:
- the floor: a bare `values_list` over the same columns and rows, in the same order;
- the CSV as Zist wrote it before (a record built per row, `Table._instance_rows`);
- the CSV as it writes it now (plain values, each unit and owner named once);
- the XLSX now (write-only sheet into a temporary file), with its peak memory
  (tracemalloc, in a separate run so it does not slow the timed ones).
SQLite lives in benchmarks/data/exports-sqlite (git-ignored); the PostgreSQL database
`zist_exports_bench` is dropped and created again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from monitoring import build_tree, configure  # noqa: E402  (the benchmarks share set-up)


def build(actions: int, sites: int):
    """The unit tree (through the monitoring benchmark's, which also makes its meters),
    five owners and the actions, in bulk."""
    from zist.actions.models import Action
    from zist.organisations.models import Unit
    from zist.users.models import User

    organisation, root, _indicator = build_tree(sites * 10)
    units = list(Unit.objects.filter(organisation=organisation).values_list("pk", flat=True))
    owners = [
        User.objects.create_user(f"owner{n}", password="pw", home_unit=root) for n in range(5)
    ]
    kinds, statuses = ("corrective", "improvement", "preventive"), ("open", "done")
    start = dt.date(2026, 1, 1)
    Action.objects.bulk_create(
        [
            Action(
                unit_id=units[n % len(units)],
                title=f"Action {n}: reduce the heating of building {n % 997}",
                kind=kinds[n % 3],
                owner=owners[n % 5] if n % 7 else None,
                due_date=start + dt.timedelta(days=n % 365),
                status=statuses[n % 2],
                progress=n % 101,
            )
            for n in range(actions)
        ],
        batch_size=5000,
    )
    return User.objects.create_superuser("admin", "admin@example.org", "pw", home_unit=root)


def median_of(function, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/zist_exports_bench")
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--sites", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    configure(args.database, args.url, sqlite_folder="exports-sqlite")

    from django.utils import translation

    from zist.actions.models import Action
    from zist.actions.tables import ActionTable
    from zist.core import exports

    started = time.perf_counter()
    admin = build(args.actions, args.sites)
    print(
        f"{args.actions} actions on {args.sites} sites built in {time.perf_counter() - started:.1f} s"
    )

    def table():
        return ActionTable(Action.objects.restrict(admin, "view"))

    def floor():
        t = table()
        columns = [c.accessor for c in t.columns_]
        return sum(1 for _ in t.export_queryset().values_list("pk", *columns).iterator(2000))

    def csv_with(rows):
        def write():
            t = table()
            t.export_rows = lambda: rows(t)
            with tempfile.TemporaryFile() as handle:
                return exports.write_csv(t, handle)

        return write

    def xlsx():
        with tempfile.TemporaryFile() as handle:
            return exports.write_xlsx(table(), handle, "action")

    cases = {
        "floor: values_list, same rows and order": floor,
        "CSV, a record per row (before)": csv_with(lambda t: t._instance_rows()),
        "CSV, plain values (now)": csv_with(lambda t: t._value_rows(t._value_plan())),
        "XLSX, plain values, write-only (now)": xlsx,
    }
    results = {}
    with translation.override("da"):
        for name, function in cases.items():
            seconds, rows = median_of(function, args.runs)
            assert rows == args.actions, (name, rows)
            results[name] = seconds
        tracemalloc.start()
        xlsx()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    base = results["floor: values_list, same rows and order"]
    print(f"\n{args.database}, {args.actions} actions, administrator, median of {args.runs}\n")
    print("| what | seconds | rows/s | ratio to the floor |")
    print("|---|---|---|---|")
    for name, seconds in results.items():
        print(f"| {name} | {seconds:.2f} | {args.actions / seconds:,.0f} | {seconds / base:.1f}× |")
    before, now = results["CSV, a record per row (before)"], results["CSV, plain values (now)"]
    print(f"\nCSV speed-up, plain values over records: {before / now:.2f}×")
    print(f"XLSX peak Python memory: {peak / 2**20:.1f} MiB for {args.actions} rows")


if __name__ == "__main__":
    main()
