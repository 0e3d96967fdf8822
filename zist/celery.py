"""The Celery application: `celery -A zist worker` runs Zist's jobs, `celery -A zist beat`
queues the schedule (zist.jobs.schedule). Configured from Django's settings (CELERY_*),
which read ZIST_BROKER_URL. See docs/operations.md."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zist.settings")

app = Celery("zist")
app.config_from_object("django.conf:settings", namespace="CELERY")


@app.task(
    name="zist.jobs.run",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=5,
)
def run_job(self, job_id: int) -> str:
    """Run one job (a row of zist.jobs.Job); a lost database is retried with back-off."""
    import django

    django.setup(set_prefix=False)
    from django.db import InterfaceError, OperationalError

    from zist.jobs import engine

    try:
        return engine.run(job_id)
    except (OperationalError, InterfaceError) as exc:
        raise self.retry(exc=exc, countdown=min(300, 10 * 2**self.request.retries)) from exc


@app.task(name="zist.jobs.tick")
def tick() -> list[int]:
    """Queue whatever the schedule says is due (called every minute by beat)."""
    import django

    django.setup(set_prefix=False)
    from zist.jobs import schedule

    return schedule.tick()
