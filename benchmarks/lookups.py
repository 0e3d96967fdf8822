"""Look-up benchmark: the readings list of an administrator who sees ≥ 50 000 meters,
before (every meter and unit an `<option>`, an exact count) and after typed look-ups
and estimated counts (decision 0028), on SQLite or PostgreSQL.

    python benchmarks/lookups.py --database sqlite --meters 50000
    python benchmarks/lookups.py --database postgresql --meters 50000 \\
        --url postgresql://postgres@127.0.0.1:5432/zist_lookups_bench

It builds monitoring.py's unit tree (organisation › 10 regions › 10 districts › 5
departments › sites of 10 meters) with `--readings` readings per meter, runs ANALYZE,
and requests each page through the test client (middleware, templates, `restrict()`)
as the organisation's administrator, median of `--runs`. "Before" is the same code with
the thresholds set out of reach (`ZIST_LOOKUP_ABOVE`, `ZIST_ESTIMATE_ABOVE`). The
floor is the smallest logged-in page (the profile) measured in the same run: the
shared machine's load changes absolute times several-fold, so compare the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import time

from monitoring import build_tree, configure


def build(meters: int, readings: int):
    """The tree, the meters, `readings` daily readings per meter, an administrator."""
    from django.db import connection
    from django.utils import timezone

    from zist.meters.models import Meter, Reading
    from zist.users.models import RoleAssignment, User
    from zist.users.roles import Role

    organisation, root, _ = build_tree(meters)
    start = timezone.make_aware(dt.datetime(2026, 1, 1))
    batch = []
    for meter_id in Meter.objects.values_list("pk", flat=True).iterator():
        for day in range(readings):
            batch.append(
                Reading(meter_id=meter_id, timestamp=start + dt.timedelta(days=day), value=day)
            )
        if len(batch) >= 20_000:
            Reading.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Reading.objects.bulk_create(batch, batch_size=5000)
    admin = User.objects.create_user("bench.admin", password="pw", home_unit=root)
    RoleAssignment.objects.create(user=admin, role=Role.ADMINISTRATOR, unit=root)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return admin


def timed(client, url: str, runs: int) -> tuple[float, int, int, int]:
    """Median seconds of `runs` requests; queries, bytes and <option>s of the last."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(runs):
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            content = response.content
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(queries), len(content), content.count(b"<option")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/zist_lookups_bench")
    parser.add_argument("--meters", type=int, default=50_000)
    parser.add_argument("--readings", type=int, default=3, help="readings per meter")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    configure(args.database, args.url, sqlite_folder="lookups-sqlite")

    from django.test import Client, override_settings
    from django.urls import reverse
    from django.utils import translation

    from zist.meters.models import Meter, Reading
    from zist.organisations.models import Unit

    started = time.perf_counter()
    admin = build(args.meters, args.readings)
    print(
        f"{Meter.objects.count()} meters, {Unit.objects.count()} units, "
        f"{Reading.objects.count()} readings, built in {time.perf_counter() - started:.1f} s"
    )
    client = Client(SERVER_NAME="localhost")
    client.force_login(admin)
    with translation.override("en"):
        profile, readings = reverse("profile"), reverse("meters:reading_list")
        add = reverse("meters:reading_add")
    html = client.get(readings).content.decode()
    marker = 'data-lookup="'
    lookup = html[html.index(marker) + len(marker) :].split('"', 1)[0].replace("&amp;", "&")
    pages = {
        "floor: profile": profile,
        "readings list": readings,
        "readings list, page 100": f"{readings}?page=100",
        "new reading form": add,
        "API readings": "/api/meters/readings/",
        "look-up of a meter, 'M12'": f"{lookup}&q=M12",
    }
    before_settings = {"ZIST_LOOKUP_ABOVE": 10**9, "ZIST_ESTIMATE_ABOVE": 10**12}
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    client.get(profile)  # warm: templates, translations, session
    results = {}
    for when in ("before", "after"):
        for page, url in pages.items():
            if when == "before" and page.startswith("look-up"):
                continue
            if when == "before":
                with override_settings(**before_settings):
                    results[when, page] = timed(client, url, args.runs)
            else:
                results[when, page] = timed(client, url, args.runs)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| page | when | ms | × floor | queries | KB | `<option>`s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for (when, page), (seconds, queries, size, options) in results.items():
        floor = results[when, "floor: profile"][0]
        print(
            f"| {page} | {when} | {seconds * 1000:.0f} | {seconds / floor:.1f} "
            f"| {queries} | {size / 1024:.0f} | {options} |"
        )


if __name__ == "__main__":
    main()
