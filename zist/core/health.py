"""Health and readiness for the reverse proxy, the service manager and the load balancer.

`/health/`: the process is up and answers (no database touched), for restarting a hung
process. `/ready/`: this process can serve: the database answers, every migration is
applied, the broker answers when one is configured, the shared cache too, and the data
folder is writable; else 503, so the proxy sends people to the other app server.

Both answer JSON without a login, and say which check failed, never why in detail (no
host names, addresses or passwords from the settings).
"""

from __future__ import annotations

import os
import tempfile
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Once every migration was seen applied, this process does not look again: migrations
# are not unapplied under a running server, and reading the graph costs ~0.1 s.
_migrated = False


@never_cache
@require_GET
def health(request):
    return JsonResponse({"status": "ok", "pid": os.getpid()})


@never_cache
@require_GET
def ready(request):
    checks = {
        "database": _database,
        "migrations": _migrations,
        "broker": _broker,
        "cache": _cache,
        "data_dir": _data_dir,
    }
    results, ok = {}, True
    for name, check in checks.items():
        started = time.perf_counter()
        try:
            outcome = check()
        except Exception as exc:  # a failed check, whatever it raised, is "not ready"
            outcome = f"failed ({type(exc).__name__})"
        results[name] = {
            "status": outcome,
            "ms": round((time.perf_counter() - started) * 1000, 1),
        }
        ok = ok and not outcome.startswith("failed")
    return JsonResponse(
        {"status": "ok" if ok else "not ready", "pid": os.getpid(), "checks": results},
        status=200 if ok else 503,
    )


def _database() -> str:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _migrations() -> str:
    global _migrated
    if not _migrated:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            return f"failed ({len(plan)} not applied)"
        _migrated = True
    return "ok"


def _broker() -> str:
    if not settings.ZIST_BROKER_URL:
        return "not configured (jobs run in the app server)"
    from kombu import Connection

    with Connection(settings.ZIST_BROKER_URL, connect_timeout=3) as broker:
        broker.ensure_connection(max_retries=1, timeout=3)
    return "ok"


def _cache() -> str:
    if not settings.ZIST_CACHE_URL:
        return "not configured (per process)"
    from django.core.cache import cache

    key = f"zist-ready-{os.getpid()}"
    cache.set(key, 1, 30)
    if cache.get(key) != 1:
        return "failed (not stored)"
    return "ok"


def _data_dir() -> str:
    folder = settings.MEDIA_ROOT
    os.makedirs(folder, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".ready-"):
        pass
    return "ok"
