"""The Celery application: `celery -A zist worker` runs Zist's jobs, `celery -A zist beat`
queues the schedule (zist.jobs.schedule). Configured from Django's settings (CELERY_*),
which read ZIST_BROKER_URL. See docs/operations.md."""

import os

from celery import Celery
from celery.signals import setup_logging

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zist.settings")

app = Celery("zist")
app.config_from_object("django.conf:settings", namespace="CELERY")


@setup_logging.connect
def _django_logging(loglevel=None, **kwargs):
    """The worker and beat log as the app servers do (Django's LOGGING: text or JSON,
    with the request id of the request that queued the job), not in Celery's format;
    at the level given to `celery --loglevel`."""
    import copy
    import logging.config

    from django.conf import settings

    config = copy.deepcopy(settings.LOGGING)
    if loglevel:
        config["root"]["level"] = loglevel
    logging.config.dictConfig(config)


def _setup_django() -> None:
    """Once per process (Celery's Django fix-up has usually done it): setting Django up
    again would configure logging again, at the settings' level, not the worker's."""
    from django.apps import apps

    if not apps.ready:
        import django

        django.setup(set_prefix=False)


@app.task(
    name="zist.jobs.run",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=5,
)
def run_job(self, job_id: int, request_id: str = "") -> str:
    """Run one job (a row of zist.jobs.Job); a lost database is retried with back-off.
    `request_id`: the request that queued it, carried by this run's log lines."""
    _setup_django()
    from django.db import InterfaceError, OperationalError

    from zist.core import requestlog
    from zist.jobs import engine

    token = requestlog.activate(request_id)
    try:
        return engine.run(job_id)
    except (OperationalError, InterfaceError) as exc:
        raise self.retry(exc=exc, countdown=min(300, 10 * 2**self.request.retries)) from exc
    finally:
        requestlog.deactivate(token)


@app.task(name="zist.jobs.tick")
def tick() -> list[int]:
    """Queue whatever the schedule says is due (called every minute by beat)."""
    _setup_django()
    from zist.jobs import schedule

    return schedule.tick()
