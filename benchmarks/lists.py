"""List benchmark: a register of 100 000 actions on 5 000 sites, its list page and API
list for an administrator (who sees every row) and a district representative, by
default order, sorted by another column and searched, as p50/p95 of the server's time
and ratios to a floor measured in the same run (issue 18, item 1; decision 0029).

    python benchmarks/lists.py --database sqlite
    python benchmarks/lists.py --database postgresql \\
        --url postgresql://postgres@127.0.0.1:5432/zist_lists_bench

It builds exports.py's organisation (a five-level unit tree, five owners, --actions
actions spread over --sites sites), runs VACUUM ANALYZE, and requests each page through the
test client (middleware, `restrict()`, templates: the server's whole time without the
network) in Danish. The floor is the smallest logged-in page (the profile), measured in
the same run: the shared machine's load changes absolute times several-fold. On
PostgreSQL it also prints the plan of the searched list's query, to show whether the
search is answered by an index.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from exports import build  # noqa: E402  (the benchmarks share set-up)
from monitoring import configure  # noqa: E402

PAGES = {
    "list, default order": "/da/actions/actions/",
    "list, page 40": "/da/actions/actions/?page=40",
    "list, sorted by title": "/da/actions/actions/?sort=title",
    "list, searched": "/da/actions/actions/?q=heating+building+42",
    "API list": "/api/actions/actions/",
    "API list, searched": "/api/actions/actions/?q=building+42",
}


def representative(root):
    """A district representative: one district of the tree, 1/100 of the actions."""
    from zist.organisations.models import Unit
    from zist.users.models import RoleAssignment, User
    from zist.users.roles import Role

    district = Unit.objects.filter(organisation=root.organisation, depth=3).order_by("path")[0]
    user = User.objects.create_user("district.rep", password="pw", home_unit=district)
    RoleAssignment.objects.create(user=user, role=Role.ENVIRONMENTAL_REPRESENTATIVE, unit=district)
    return user


def percentiles(client, url: str, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        _ = response.content
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def plan(admin) -> str:
    """PostgreSQL's plan of the searched list page's query, as the page builds it."""
    from django.db import connection

    from zist.actions.filters import ActionFilterSet
    from zist.actions.models import Action

    queryset = Action.objects.restrict(admin, "view")
    filtered = ActionFilterSet({"q": "heating building 42"}, queryset=queryset).qs
    sql, params = filtered.order_by("due_date", "pk")[:50].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--url", default="postgresql://postgres@127.0.0.1:5432/zist_lists_bench")
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--sites", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    configure(args.database, args.url, sqlite_folder="lists-sqlite")

    from django.db import connection
    from django.test import Client

    started = time.perf_counter()
    admin = build(args.actions, args.sites)
    rep = representative(admin.home_unit)
    with connection.cursor() as cursor:
        # What autovacuum does to a live database soon after a bulk load (PostgreSQL 13+
        # vacuums after inserts too): statistics, and the visibility map that lets a
        # count read an index alone.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(
        f"{args.actions} actions on {args.sites} sites built in {time.perf_counter() - started:.1f} s"
    )

    rows = []
    for who, user in (("administrator", admin), ("representative", rep)):
        client = Client(SERVER_NAME="localhost")  # an allowed host of the settings
        client.force_login(user)
        client.get("/da/profile/")  # warm the templates and caches
        floor50, floor95 = percentiles(client, "/da/profile/", args.runs)
        rows.append((who, "floor: the profile page", floor50, floor95, floor95))
        for name, url in PAGES.items():
            p50, p95 = percentiles(client, url, args.runs)
            rows.append((who, name, p50, p95, floor95))
    print(f"\n{args.database}, {args.actions} actions, {args.sites} sites, {args.runs} runs each\n")
    print("| who | page | p50 ms | p95 ms | p95 / floor p95 |")
    print("|---|---|---|---|---|")
    for who, name, p50, p95, floor in rows:
        print(f"| {who} | {name} | {p50 * 1000:.0f} | {p95 * 1000:.0f} | {p95 / floor:.1f}× |")
    if connection.vendor == "postgresql":
        print("\nPlan of the administrator's searched list:\n")
        print(plan(admin))


if __name__ == "__main__":
    main()
