"""Load benchmark: many people at once against the multi-process deployment.

    python benchmarks/load.py --users 50 --seconds 60

Issue 18 asks for 50 concurrent users over a mix of pages and API calls, as several
roles, against the deployment of deploy/loopback/run (nginx in front of two gunicorn app
servers, a Celery worker, PostgreSQL, Redis), bounded in time, with no errors and the
p50/p95 printed. What it does:

1. Starts that deployment (`deploy/loopback/run --keep --no-flow`, a fresh database,
   copied from --template when given) and loads the whole demo into it (`zist demo
   --no-serve` with the deployment's settings).
2. Logs in once per role through the proxy (each simulated person of a role shares its
   role's session, as tabs of one browser do; 50 logins from one address would rightly
   meet the login throttle). The roles: the superuser, Tehran's administrator, Region 2's
   manager, District 3's representative, Albertslund's manager (Danish) and Kemi's
   manager (Finnish).
3. Builds each role's mix from the database, as that person sees it: home, the lists of
   five registers the person may view, the detail of the first record of each, the green
   accounts, and two API lists.
4. The floor, measured in the same run: the smallest logged-in page (the profile)
   requested alone, one request at a time.
5. --users threads (default 50) each play one person of a role (round robin), request
   their mix in random order without pause for --seconds, and record every answer.

It prints requests per second, p50/p95/max per kind of request and over all, each as a
ratio to the floor's median, and every error (any status but 200, any exception). It
exits 1 when a request failed; it never fails on timing (the machine's load varies).
The client is Python's own HTTP client on threads: waiting for answers, not computing,
so 50 threads on one core are enough to keep the servers busy.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "deploy" / "loopback"))

from flow import Client  # noqa: E402  (the loopback flow's cookie-keeping HTTP client)

# (username, language): one account of each kind of person the demo has.
ROLES = [
    ("admin", "en"),
    ("tehran.admin", "fa"),
    ("region2.manager", "fa"),
    ("district3.rep", "fa"),
    ("albertslund.manager", "da"),
    ("kemi.manager", "fi"),
]
LISTS = (
    "actions.action",
    "aspects.aspect",
    "obligations.obligation",
    "meters.meter",
    "documents.document",
)
API_LISTS = ("actions.action", "meters.reading")


def say(text: str) -> None:
    print(f"[load {time.strftime('%H:%M:%S')}] {text}", flush=True)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


class Deployment:
    """deploy/loopback/run in the background, until stopped."""

    def __init__(self, args):
        self.folder = Path(tempfile.mkdtemp(prefix="zist-load-"))
        command = [
            sys.executable, str(ROOT / "deploy" / "loopback" / "run"), "--keep", "--no-flow",
            "--dir", str(self.folder), "--database-url", args.database_url,
            "--redis", args.redis, "--template", args.template,
        ]  # fmt: skip
        self.log = open(self.folder.parent / f"{self.folder.name}.log", "w")  # noqa: SIM115
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 600
        while not (self.folder / "state.json").exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the deployment did not start: see {self.log.name}")
            time.sleep(1)
        self.state = json.loads((self.folder / "state.json").read_text())

    def environment(self) -> dict[str, str]:
        """The settings the deployment's processes run with (the same database and data
        folder), for `zist demo` and for reading the mix from the database."""
        return {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": self.state["database_url"],
            "ZIST_DATA_DIR": str(self.folder / "data"),
            "ZIST_WARN_UNCOMMITTED_APPS": "0",
        }

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()


def mixes() -> dict[str, list[tuple[str, str]]]:
    """{username: [(kind, path)]}: what each person requests, as that person sees it."""
    import django

    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from zist.core.registry import registers
    from zist.users.models import User

    by_label = {reg.label(): reg for reg in registers()}
    result = {}
    for username, language in ROLES:
        user = User.objects.get(username=username)
        paths = [("home", f"/{language}/")]
        with translation.override(language):
            for label in LISTS:
                reg = by_label[label]
                paths.append(("list", reverse(reg.url_name("list"))))
                first = reg.model.objects.restrict(user, "view").order_by("pk").first()
                if first is not None:
                    paths.append(("detail", reverse(reg.url_name("detail"), args=[first.pk])))
            paths.append(("green accounts", reverse("indicators:green_accounts")))
        for label in API_LISTS:
            reg = by_label[label]
            paths.append(("api", f"/api/{reg.model._meta.app_label}/{reg.url_slug()}/"))
        result[username] = paths
    return result


def log_in(proxy: str, username: str, password: str) -> Client:
    client = Client()
    client.get(f"{proxy}/en/login/")
    status, _headers, _body = client.post(
        f"{proxy}/en/login/",
        {"username": username, "password": password, "csrfmiddlewaretoken": client.csrf()},
    )
    if status != 302:
        raise SystemExit(f"{username} could not log in ({status})")
    return client


def timed(client: Client, url: str) -> tuple[float, int | str]:
    started = time.perf_counter()
    try:
        status, _headers, _body = client.get(url)
    except Exception as error:  # noqa: BLE001 — every failure counts as an error
        status = f"{type(error).__name__}: {error}"
    return time.perf_counter() - started, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="people at once (50)")
    parser.add_argument("--seconds", type=float, default=60, help="how long they work (60)")
    parser.add_argument(
        "--database-url",
        default="postgresql://postgres@127.0.0.1:5432/zist_load_bench",
        help="PostgreSQL database made afresh for the run",
    )
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/6")
    parser.add_argument("--template", default="", help="a migrated database to copy")
    args = parser.parse_args()

    say("starting the deployment (deploy/loopback/run)")
    deployment = Deployment(args)
    try:
        proxy = deployment.state["proxy"]
        env = deployment.environment()
        say("loading the demo into it")
        subprocess.run(
            [sys.executable, "-m", "zist", "demo", "--no-serve"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "ZIST_DATA_DIR")})
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zist.settings")
        plan = mixes()  # sets Django up, on the deployment's database
        from zist.demo.platform import PASSWORD

        clients = {name: log_in(proxy, name, PASSWORD) for name, _language in ROLES}
        say(f"{len(ROLES)} roles logged in; {sum(map(len, plan.values()))} requests in the mixes")

        # Warm every path once (first requests fill caches and compile templates), and
        # check that each answers before the clock starts.
        for name, paths in plan.items():
            for _kind, path in paths:
                _seconds, status = timed(clients[name], proxy + path)
                if status != 200:
                    raise SystemExit(f"{name} {path} answered {status} before the load")

        floor_client = clients["district3.rep"]
        floor = [timed(floor_client, f"{proxy}/fa/profile/")[0] for _ in range(40)]
        floor_median = statistics.median(floor)
        say(f"floor: the profile page alone, median {floor_median * 1000:.1f} ms")

        records: list[tuple[str, float, int | str, str]] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds

        def person(number: int) -> None:
            name = ROLES[number % len(ROLES)][0]
            paths, client, rng = plan[name], clients[name], random.Random(number)
            while time.monotonic() < stop_at:
                kind, path = rng.choice(paths)
                seconds, status = timed(client, proxy + path)
                with lock:
                    records.append((kind, seconds, status, f"{name} {path}"))

        say(f"{args.users} people for {args.seconds:.0f} s")
        started = time.monotonic()
        threads = [threading.Thread(target=person, args=(n,)) for n in range(args.users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        deployment.stop()

    errors = [(what, status) for _kind, _s, status, what in records if status != 200]
    by_kind = defaultdict(list)
    for kind, seconds, _status, _what in records:
        by_kind[kind].append(seconds)
        by_kind["all"].append(seconds)
    print()
    print(f"{len(records)} requests in {elapsed:.1f} s: {len(records) / elapsed:.1f} req/s")
    print(f"floor (profile alone): median {floor_median * 1000:.1f} ms")
    print(
        f"{'kind':16} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  p50/floor p95/floor"
    )
    for kind in sorted(by_kind, key=lambda k: (k == "all", k)):
        times = by_kind[kind]
        p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
        print(
            f"{kind:16} {len(times):6d} {p50 * 1000:8.1f} {p95 * 1000:8.1f} "
            f"{max(times) * 1000:8.1f}  {p50 / floor_median:9.1f} {p95 / floor_median:9.1f}"
        )
    print(f"errors: {len(errors)}")
    for what, status in errors[:20]:
        print(f"  {status}  {what}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
