"""The schedule: reminders hourly, objectives nightly, without cron. Every minute
something calls `tick()` (Celery beat with a broker; a thread of the Zist process
without one); each entry is queued once per period, whoever ticks and however often,
because its job key names the period (`remind:2026-12-04T11`)."""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone

log = logging.getLogger(__name__)


def period_key(name: str, every: str, now) -> str:
    now = timezone.localtime(now)
    if every == "hourly":
        return f"{name}:{now:%Y-%m-%dT%H}"
    if every == "nightly":
        # Once a day, at or after the configured hour.
        if now.hour < settings.ZIST_NIGHTLY_HOUR:
            return ""
        return f"{name}:{now:%Y-%m-%d}"
    raise ValueError(every)


def tick(now=None) -> list[int]:
    from zist.jobs import engine

    now = now or timezone.now()
    queued = []
    for name, every in settings.ZIST_SCHEDULE:
        key = period_key(name, every, now)
        if key:
            with transaction.atomic():
                queued.append(engine.enqueue(name, key=key).pk)
    return queued


_started = False


def start_embedded() -> None:
    """Tick every minute in a daemon thread of this process, when no broker (and so no
    beat) is configured. Called by the demo's server."""
    global _started
    if _started or settings.ZIST_BROKER_URL:
        return
    _started = True

    def loop():
        while True:
            try:
                tick()
            except Exception:
                log.exception("schedule tick")
            finally:
                connections.close_all()
            time.sleep(60)

    threading.Thread(target=loop, name="zist-schedule", daemon=True).start()
