"""Regulator benchmark: a reporting programme with thousands of organisations and the
regulator's pages over it, as ratios to a floor measured in the same run.

    python benchmarks/regulator.py --database sqlite --organisations 5000 --kpis 20
    python benchmarks/regulator.py --database postgresql --organisations 5000 --kpis 20

Issue 15's scale is 5 000 organisations reporting 20 indicators each. The generator
builds (bulk, no history rows) a regulator, the organisations with their root units,
last year's and this year's programme with --sectors sectors and --kpis KPIs, one
accepted submission per organisation and programme, and a figure per KPI (log-normal
values, a few far out); then it flags this year's outliers with the workflow's own
code. SQLite lives in benchmarks/data/regulator-sqlite (git-ignored); the PostgreSQL
database `zist_regulator_bench` is dropped and created again.

Each page is requested through the test client (middleware, templates, restrict()),
median of --runs, as the regulator's reviewer and as one organisation's manager:
the benchmark and ranking (one sector, all sectors; one KPI's whole ranking, first
page), the submissions and figures lists, the programme page (with its invitation form), the CSV export and
the API (submissions list, results of one sector). The floor is the smallest
logged-in page (the profile); each time is also printed as a ratio to it, with the
number of SQL queries the page took.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from monitoring import configure, step  # noqa: E402  (the benchmarks share their set-up)

SECTOR_NAMES = ("Cement", "Steel", "Chemicals", "Food", "Textiles", "Paper", "Glass", "Power")


def build(organisations: int, kpis: int, sectors: int, seed: int = 1404) -> dict:
    """Regulator, organisations, two programmes, submissions and figures (bulk)."""
    import datetime as dt

    from django.db import transaction

    from zist.organisations import services as organisation_services
    from zist.organisations.models import Organisation, OrganisationKind, Unit, UnitKind
    from zist.reporting import services
    from zist.reporting.models import (
        Figure,
        Kpi,
        Programme,
        ProgrammeStatus,
        Sector,
        Submission,
        SubmissionStatus,
    )
    from zist.users.models import RoleAssignment, User

    rng = random.Random(seed)
    regulator = organisation_services.create_organisation(
        name="Benchmark Regulator", kind=OrganisationKind.REGULATOR, language="en"
    )
    Organisation.objects.bulk_create(
        [
            Organisation(name=f"Industry {n:05d}", kind=OrganisationKind.COMPANY, language="en")
            for n in range(1, organisations + 1)
        ],
        batch_size=2000,
    )
    companies = list(Organisation.objects.filter(kind=OrganisationKind.COMPANY).order_by("pk"))
    first = Unit.objects.filter(depth=1).count() + 1
    Unit.objects.bulk_create(
        [
            Unit(
                organisation=org,
                name=org.name,
                code="root",
                kind=UnitKind.ORGANISATION,
                path=step("", first + index),
                depth=1,
                numchild=0,
            )
            for index, org in enumerate(companies)
        ],
        batch_size=2000,
    )
    roots = dict(Unit.objects.filter(depth=1).values_list("organisation_id", "pk"))

    factors = [Decimal(rng.choice((1, 2, 5, 10, 50))) for _ in range(kpis)]
    profile = {org.pk: Decimal(str(round(rng.lognormvariate(0, 0.3), 4))) for org in companies}
    programmes = []
    for year, status in ((2024, ProgrammeStatus.CLOSED), (2025, ProgrammeStatus.OPEN)):
        programme = Programme.objects.create(
            unit=regulator.root_unit,
            code=f"kpi-{year}",
            name=f"Industrial KPIs {year}",
            year=year,
            due_date=dt.date(year + 1, 6, 30),
            reference_name="product",
            reference_unit="t",
            previous=programmes[-1] if programmes else None,
            status=status,
        )
        Sector.objects.bulk_create(
            Sector(programme=programme, code=f"S{n}", name=SECTOR_NAMES[n % len(SECTOR_NAMES)])
            for n in range(sectors)
        )
        Kpi.objects.bulk_create(
            Kpi(
                programme=programme,
                code=f"K{n:02d}",
                name=f"Indicator {n:02d}",
                measure_unit="MWh",
                minimum=0,
                order=n,
                direction="lower" if n % 4 else "higher",
            )
            for n in range(kpis)
        )
        sector_list = list(programme.sectors.order_by("code"))
        Submission.objects.bulk_create(
            [
                Submission(
                    programme=programme,
                    unit_id=roots[org.pk],
                    sector=sector_list[index % sectors],
                    status=SubmissionStatus.ACCEPTED,
                    reference_value=Decimal(rng.randint(1_000, 2_000_000)),
                )
                for index, org in enumerate(companies)
            ],
            batch_size=2000,
        )
        kpi_list = list(programme.kpis.all())
        rows = []
        for submission in programme.submissions.select_related("unit"):
            share = profile[submission.unit.organisation_id]
            for kpi, factor in zip(kpi_list, factors, strict=True):
                value = submission.reference_value * factor * share / 1000
                value *= Decimal(str(round(rng.lognormvariate(0, 0.25), 4)))
                if rng.random() < 0.01:
                    value *= 8
                rows.append(
                    Figure(
                        submission=submission,
                        kpi=kpi,
                        value=value.quantize(Decimal("0.000001")),
                        source="benchmark",
                    )
                )
        Figure.objects.bulk_create(rows, batch_size=5000)
        programmes.append(programme)
    current = programmes[-1]
    started = time.perf_counter()
    with transaction.atomic():  # as in `services.submit`
        flagged = sum(services.flag_outliers(current, s) for s in current.sectors.all())
    flag_seconds = time.perf_counter() - started
    # What each submission adds: the sector's outliers checked again (nothing changes).
    started = time.perf_counter()
    with transaction.atomic():
        services.flag_outliers(current, current.sectors.first())
    reflag_seconds = time.perf_counter() - started

    # Fresh statistics for the planner, as autovacuum gives a live database after a
    # bulk load (without, PostgreSQL plans the figure queries 3–4× slower).
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    reviewer = User.objects.create_user("bench-reviewer", home_unit=regulator.root_unit)
    RoleAssignment.objects.create(
        user=reviewer, role="environmental_manager", unit=regulator.root_unit
    )
    own_root = Unit.objects.get(pk=roots[companies[0].pk])
    manager = User.objects.create_user("bench-manager", home_unit=own_root)
    RoleAssignment.objects.create(user=manager, role="environmental_manager", unit=own_root)
    return {
        "programme": current,
        "users": {"reviewer": reviewer, "organisation": manager},
        "flagged": flagged,
        "flag_seconds": flag_seconds,
        "reflag_seconds": reflag_seconds,
        "figures": Figure.objects.count(),
    }


def timed(client, url: str, runs: int) -> tuple[float, int, int]:
    """Median seconds of `runs` requests, the queries of the last and its size."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(runs):
        connection.queries_log.clear()  # a full log would count nothing
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            content = b"".join(response) if response.streaming else response.content
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(queries), len(content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--url", default="postgresql://postgres@127.0.0.1:5432/zist_regulator_bench"
    )
    parser.add_argument("--organisations", type=int, default=5000)
    parser.add_argument("--kpis", type=int, default=20)
    parser.add_argument("--sectors", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    configure(args.database, args.url, sqlite_folder="regulator-sqlite")

    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    started = time.perf_counter()
    data = build(args.organisations, args.kpis, args.sectors)
    print(
        f"{args.organisations} organisations × {args.kpis} KPIs × 2 programmes: "
        f"{data['figures']} figures, built in {time.perf_counter() - started:.1f} s; "
        f"outliers flagged in {data['flag_seconds']:.1f} s ({data['flagged']}); "
        f"a sector checked again on a submission: {data['reflag_seconds'] * 1000:.0f} ms"
    )
    programme = data["programme"]
    sector = programme.sectors.order_by("code").first()
    kpi = programme.kpis.first()
    with translation.override("en"):
        benchmark = reverse("reporting:benchmark", args=[programme.pk])
        pages = {
            "floor: profile": reverse("profile"),
            "benchmark, one sector": f"{benchmark}?sector={sector.pk}",
            "benchmark, all sectors": benchmark,
            "ranking, one KPI and sector": f"{benchmark}?sector={sector.pk}&kpi={kpi.pk}",
            "submissions list": reverse("reporting:submission_list") + f"?programme={programme.pk}",
            "figures list": reverse("reporting:figure_list"),
            "programme page": reverse("reporting:programme_detail", args=[programme.pk]),
            "CSV export, all sectors": f"{benchmark}?export=csv",
            "API submissions": f"/api/reporting/submissions/?programme={programme.pk}",
            "API results, one sector": (
                f"/api/reporting/programmes/{programme.pk}/results/?sector={sector.code}"
            ),
        }
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results = {}
    for label, user in data["users"].items():
        client = Client(SERVER_NAME="localhost")
        client.force_login(user)
        client.get(pages["floor: profile"])  # warm: templates, translations, session
        for page, url in pages.items():
            if label != "reviewer" and "CSV" in page:
                continue  # the export is the regulator's only
            results[label, page] = timed(client, url, args.runs)
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print()
    print("| user | page | ms | × floor | queries | KB |")
    print("|---|---|---:|---:|---:|---:|")
    for (label, page), (seconds, queries, size) in results.items():
        floor = results[label, "floor: profile"][0]
        print(
            f"| {label} | {page} | {seconds * 1000:.0f} | {seconds / floor:.1f} "
            f"| {queries} | {size / 1024:.0f} |"
        )


if __name__ == "__main__":
    main()
