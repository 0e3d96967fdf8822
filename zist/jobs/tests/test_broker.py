"""Jobs on a real broker (Redis) and a real Celery worker process started here. Skipped
when no broker answers, unless ZIST_REQUIRE_BROKER=1 (CI sets it)."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from zist.actions.models import Action
from zist.jobs import engine
from zist.jobs.models import Job, State
from zist.jobs.tests.test_jobs import csv_of, wait_for
from zist.users.roles import Role

BROKER = os.environ.get("ZIST_TEST_BROKER_URL", "redis://127.0.0.1:6379/0")
ROOT = Path(__file__).resolve().parents[3]
STALE = 3


def _reachable(url: str) -> bool:
    parsed = urlparse(url)
    try:
        socket.create_connection((parsed.hostname, parsed.port or 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="module")
def broker_url():
    if not _reachable(BROKER):
        if os.environ.get("ZIST_REQUIRE_BROKER") == "1":
            pytest.fail(f"ZIST_REQUIRE_BROKER=1 but no broker answers at {BROKER}")
        pytest.skip(f"no broker at {BROKER}")
    return BROKER


class Worker:
    """`celery -A zist worker` on a queue of its own, against this test's database."""

    def __init__(self, broker: str, queue: str):
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "ZIST_BROKER_URL": broker,
            "ZIST_JOBS_QUEUE": queue,
            "ZIST_DATA_DIR": str(settings.DATA_DIR),
            "ZIST_JOBS_STALE_SECONDS": str(STALE),
            "ZIST_WARN_UNCOMMITTED_APPS": "0",
            # The same hosts as the web process (a PDF job asks for the page again at
            # the host the person used; the test client's is "testserver").
            "ZIST_ALLOWED_HOSTS": ",".join(settings.ALLOWED_HOSTS),
        }
        db = connection.settings_dict
        if connection.vendor == "sqlite":
            env["ZIST_SQLITE_PATH"] = str(db["NAME"])
            env.pop("DATABASE_URL", None)
        else:
            env["DATABASE_URL"] = (
                f"postgresql://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}"
                f"/{db['NAME']}"
            )
        command = [sys.executable, "-m", "celery", "-A", "zist", "worker", "--pool=solo"]
        command += ["-Q", queue, "--loglevel=INFO", "--without-heartbeat", "--without-gossip"]
        command += ["--without-mingle"]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        ready = threading.Event()
        self.log: list[str] = []

        def drain():  # keep reading, or the worker blocks on a full pipe
            for line in self.process.stderr:
                self.log.append(line)
                if "ready." in line:
                    ready.set()

        threading.Thread(target=drain, daemon=True).start()
        assert ready.wait(60), "the worker did not start:\n" + "".join(self.log[-30:])

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue(broker_url):
    name = f"zist-test-{uuid.uuid4().hex[:10]}"
    with override_settings(
        ZIST_BROKER_URL=broker_url,
        ZIST_JOBS_QUEUE=name,
        ZIST_JOBS_STALE_SECONDS=STALE,
        ZIST_IMPORT_BACKGROUND_BYTES=0,
    ):
        yield name


def _import(client, rows: int) -> Job:
    upload = SimpleUploadedFile("actions.csv", csv_of(rows), content_type="text/csv")
    response = client.post(reverse("actions:action_import"), {"file": upload})
    assert response.status_code == 302
    return Job.objects.latest("id")


def test_a_worker_runs_the_import_and_a_second_delivery_does_nothing(
    cast, make_user, client, broker_url, queue
):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    worker = Worker(broker_url, queue)
    try:
        job = wait_for(_import(client, 60))
        assert job.state == State.DONE, job.error
        assert job.result == {"created": 60, "updated": 0}
        # It ran in the worker's process, and the worker's lines about it carry the id
        # of the request that queued it.
        assert job.ran_on == f"{socket.gethostname()}:{worker.process.pid}"
        assert len(job.request_id) == 32
        lines = [line for line in worker.log if f"job {job.pk} (import)" in line]
        assert lines and all(f"[{job.request_id}]" in line for line in lines), "".join(worker.log)
        # The same job sent to the worker again (a redelivery): done stays done, once.
        engine.dispatch(job.pk)
        time.sleep(1.5)
        job.refresh_from_db()
        assert job.state == State.DONE and job.attempts == 1
    finally:
        worker.stop()
    assert Action.objects.filter(title__startswith="Background action").count() == 60


def test_killing_the_worker_mid_import_stores_nothing_and_the_job_runs_again(
    cast, make_user, client, broker_url, queue
):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    worker = Worker(broker_url, queue)
    try:
        job = _import(client, 1500)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.state == State.RUNNING and (job.progress >= 5 or connection.vendor == "sqlite"):
                break
            time.sleep(0.05)
        assert job.state == State.RUNNING
        time.sleep(0.5)  # rows are being saved inside the import's transaction
        worker.kill()
    finally:
        worker.stop()
    job.refresh_from_db()
    assert job.state == State.RUNNING and job.progress < 100
    assert not Action.objects.filter(title__startswith="Background action").exists()
    # Not heard of for longer than the stale limit: it may be run again, and is.
    assert not engine.may_retry(job)
    time.sleep(STALE + 1)
    job.refresh_from_db()
    assert engine.may_retry(job)
    assert engine.retry(job)
    worker = Worker(broker_url, queue)
    try:
        job = wait_for(job, timeout=240)
    finally:
        worker.stop()
    assert job.state == State.DONE, job.error
    assert job.attempts == 2
    assert Action.objects.filter(title__startswith="Background action").count() == 1500


def test_a_worker_renders_a_persian_statement_pdf_for_the_person_who_asked(
    cast, make_user, client, broker_url, queue
):
    from zist.core.testing import pdf_text, squash
    from zist.jobs.testing import job_of
    from zist.publication.tests.conftest import World

    world = World(cast)
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, world.root, language="fa"))
    worker = Worker(broker_url, queue)
    try:
        url = f"/fa/publication/statements/{world.statement.pk}/document/?format=pdf"
        job = wait_for(job_of(client.get(url)), timeout=120)
        assert job.state == State.DONE, job.error
        # The worker's render is the person's: Persian headings, Persian digits.
        download = client.get(job.link)
        assert download.status_code == 200
        text = pdf_text(b"".join(download.streaming_content))
        assert squash("خط‌مشی زیست‌محیطی و راهبری") in squash(text)
        assert "۳٬۷۰۰" in text
        # Sent to the worker again: nothing is rendered a second time.
        written = (Path(settings.MEDIA_ROOT) / job.result["file"]).stat().st_mtime_ns
        engine.dispatch(job.pk)
        time.sleep(1.5)
        job.refresh_from_db()
        assert job.attempts == 1
        assert (Path(settings.MEDIA_ROOT) / job.result["file"]).stat().st_mtime_ns == written
    finally:
        worker.stop()
