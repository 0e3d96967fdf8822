"""Queue and run jobs: on a Celery worker when a broker is configured (ZIST_BROKER_URL),
else in the Zist process itself on a small thread pool after the request's transaction
commits. Either way a job is a row first (see models.Job) and the row decides whether it
still has to run, so a message delivered twice (a retry, a restarted worker) does the
work once. See docs/decisions/0011-celery-background-jobs.md."""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from django.db import close_old_connections, connection, connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zist.core import requestlog
from zist.jobs.models import Job, State

log = logging.getLogger(__name__)


class JobError(Exception):
    """A failure to tell the person in words (already translated): no retry helps.
    `result` is kept with it (an import's row errors)."""

    def __init__(self, message: str, result: dict | None = None):
        super().__init__(message)
        self.result = result or {}


@dataclass
class Kind:
    name: str
    function: Callable
    title: Callable  # (*args) -> str, in the active language


KINDS: dict[str, Kind] = {}


def kind(name: str, title: Callable):
    """Register `function(job, *args)` as the job kind `name`."""

    def register(function):
        KINDS[name] = Kind(name, function, title)
        return function

    return register


def enqueue(name: str, *args, user=None, key: str | None = None) -> Job:
    """Queue the job kind `name` with JSON-able `args` for `user` (None: the schedule).
    It starts once the current transaction commits. With `key`, a second request with
    the same key returns the first job instead of queueing another."""
    spec = KINDS[name]
    language = _language_of(user) if user else "en"
    with translation.override(language or "en"):
        title = str(spec.title(*args))
    fields = {
        "user": user,
        "name": name,
        "title": title,
        "arguments": list(args),
        "request_id": requestlog.current(),
    }
    if key:
        job, created = Job.objects.get_or_create(key=key, defaults=fields)
        if not created:
            return job
    else:
        job = Job.objects.create(**fields)
    log.info("job %s (%s) queued", job.pk, name, extra={"job_id": job.pk, "job": name})
    transaction.on_commit(lambda: dispatch(job.pk))
    return job


def _language_of(user) -> str:
    """The person's language: their own choice, else their organisation's (as on the
    pages they see), so a job's title and messages read as the rest of Zist."""
    preferred = getattr(user, "preferred_language", None)
    return preferred or getattr(user, "language", "") or settings.LANGUAGE_CODE


def retry(job: Job) -> bool:
    """Queue a failed job, or one whose worker died, again. False if it may not be."""
    if not may_retry(job):
        return False
    Job.objects.filter(pk=job.pk).update(state=State.QUEUED, progress=0, error="")
    transaction.on_commit(lambda: dispatch(job.pk))
    return True


def may_retry(job: Job) -> bool:
    return job.state == State.FAILED or (job.state == State.RUNNING and _stale(job))


def _stale(job: Job) -> bool:
    last = job.heartbeat_at or job.started_at
    limit = dt.timedelta(seconds=settings.ZIST_JOBS_STALE_SECONDS)
    return last is None or timezone.now() - last > limit


# The embedded executor: a few threads in this process (no broker configured).
_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def _embedded() -> ThreadPoolExecutor:
    global _executor
    with _executor_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(
                max_workers=settings.ZIST_JOBS_THREADS, thread_name_prefix="zist-job"
            )
        return _executor


def drain() -> None:
    """Wait until the embedded threads have finished every job they were given.

    Tests call it before the database is emptied: a job still running would hold row
    locks that the emptying's TRUNCATE deadlocks on (PostgreSQL)."""
    global _executor
    with _executor_lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True)


def dispatch(job_id: int) -> None:
    # The worker's log lines about this job carry the id of the request that queued it.
    request_id = requestlog.current()
    if settings.ZIST_BROKER_URL:
        from zist.celery import app

        with app.connection_for_write(settings.ZIST_BROKER_URL) as broker:
            app.send_task(
                "zist.jobs.run",
                args=[job_id],
                kwargs={"request_id": request_id},
                queue=settings.ZIST_JOBS_QUEUE,
                connection=broker,
            )
    else:
        _embedded().submit(_run_in_thread, job_id, request_id)


def _run_in_thread(job_id: int, request_id: str = "") -> None:
    token = requestlog.activate(request_id)
    try:
        run(job_id)
    except Exception:
        log.exception("job %s", job_id)
    finally:
        requestlog.deactivate(token)
        connections.close_all()


def this_process() -> str:
    """The host and process a job runs in, as "host:pid"."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _claim(job_id: int) -> Job | None:
    """Mark the job running, unless it is done, failed for good or running elsewhere."""
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.finished:
            return None
        if job.state == State.RUNNING and not _stale(job):
            return None
        now = timezone.now()
        job.state, job.started_at, job.heartbeat_at = State.RUNNING, now, now
        job.attempts += 1
        job.progress, job.error = 0, ""
        job.ran_on = this_process()
        job.save()
        return job


def run(job_id: int) -> str:
    """Run the job if it still has to run; returns its state afterwards. Infrastructure
    failures (database gone, worker lost) propagate, for the worker to retry."""
    if not connection.in_atomic_block:
        # A worker's stale connection goes; a caller's open transaction (a test
        # running the job where it queued it) is kept.
        close_old_connections()
    job = _claim(job_id)
    if job is None:
        return Job.objects.filter(pk=job_id).values_list("state", flat=True).first() or ""
    spec = KINDS[job.name]
    language = _language_of(job.user) if job.user else settings.LANGUAGE_CODE
    token = None if requestlog.current() else requestlog.activate(job.request_id)
    log.info(
        "job %s (%s) started on %s",
        job.pk,
        job.name,
        job.ran_on,
        extra={"job_id": job.pk, "job": job.name, "worker": job.ran_on},
    )
    try:
        return _run(job, spec, language)
    finally:
        if token is not None:
            requestlog.deactivate(token)


def _run(job: Job, spec: Kind, language: str) -> str:
    try:
        with translation.override(language):
            outcome = spec.function(job, *job.arguments) or {}
    except JobError as exc:
        _finish(job, State.FAILED, error=str(exc), result=exc.result)
    except Exception as exc:
        if _transient(exc):
            Job.objects.filter(pk=job.pk).update(state=State.QUEUED)
            raise
        log.error("job %s (%s) failed:\n%s", job.pk, job.name, traceback.format_exc())
        with translation.override(language):
            message = _("The job failed unexpectedly (%(error)s).") % {"error": type(exc).__name__}
        _finish(job, State.FAILED, error=message)
    else:
        _finish(job, State.DONE, result=outcome.get("result", {}), link=outcome.get("link", ""))
    log.info(
        "job %s (%s) %s",
        job.pk,
        job.name,
        job.state,
        extra={"job_id": job.pk, "job": job.name, "worker": job.ran_on},
    )
    return job.state


def _transient(exc: Exception) -> bool:
    from django.db import InterfaceError, OperationalError

    return isinstance(exc, OperationalError | InterfaceError)


def _finish(job: Job, state: str, result=None, link: str = "", error: str = "") -> None:
    job.state, job.finished_at = state, timezone.now()
    job.result, job.link, job.error = result or {}, link, error
    if state == State.DONE:
        job.progress = 100
    job.save()


def report(job: Job, fraction: float) -> None:
    """Record a job's progress (0..1) and that it is alive. Inside a transaction (an
    atomic import) it is written through another connection, so the page sees it at
    once; on SQLite, where that transaction holds the only write lock, it is skipped."""
    percent = max(0, min(99, int(fraction * 100)))
    if percent == job.progress:
        return
    job.progress = percent
    values = {"progress": percent, "heartbeat_at": timezone.now()}
    if not connection.in_atomic_block:
        Job.objects.filter(pk=job.pk).update(**values)
    elif connection.vendor != "sqlite":
        thread = threading.Thread(target=_update_elsewhere, args=(job.pk, values))
        thread.start()
        thread.join()


def _update_elsewhere(pk: int, values: dict) -> None:
    try:
        Job.objects.filter(pk=pk).update(**values)
    finally:
        connections.close_all()
