"""Jobs in the embedded default (no broker): queued after commit, run on a thread of
this process, idempotent when run twice, visible only to their owner."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from zist.actions.models import Action
from zist.jobs import engine, schedule
from zist.jobs.models import Job, State
from zist.users.roles import Role

HEADER = "Unit,Title,Kind,Due date,Status,Progress (%)\n"


def csv_of(rows: int, bad_row: int | None = None) -> bytes:
    lines = [HEADER]
    for i in range(rows):
        due = "31st of never" if i == bad_row else "2030-01-31"
        lines.append(f"d3,Background action {i},task,{due},open,0\n")
    return "".join(lines).encode()


def wait_for(job: Job, timeout: float = 60) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.finished:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job.pk} still {job.state}")


pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(ZIST_IMPORT_BACKGROUND_BYTES=0)
def test_a_large_import_runs_as_a_job_the_owner_follows(cast, make_user, client):
    owner = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    client.force_login(owner)
    upload = SimpleUploadedFile("actions.csv", csv_of(120), content_type="text/csv")
    response = client.post(reverse("actions:action_import"), {"file": upload})
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:job_detail", args=[job.uuid])
    job = wait_for(job)
    assert job.state == State.DONE, job.error
    assert job.user == owner and job.progress == 100 and job.attempts == 1
    assert job.result == {"created": 120, "updated": 0}
    with translation.override(owner.preferred_language):  # the organisation's: Persian
        assert job.link == reverse("actions:action_list") == "/fa/actions/actions/"
    assert Action.objects.filter(title__startswith="Background action").count() == 120
    assert job.history.count() >= 3  # queued, running, done
    # The page and the API show it to its owner.
    page = client.get(reverse("jobs:job_detail", args=[job.uuid]))
    assert page.status_code == 200 and b"120" in page.content
    api = client.get(f"/api/jobs/{job.uuid}/").json()
    assert api["state"] == "done" and api["result"]["created"] == 120
    # Run twice (a message delivered again): nothing more is imported.
    assert engine.run(job.pk) == State.DONE
    assert Action.objects.filter(title__startswith="Background action").count() == 120


@override_settings(ZIST_IMPORT_BACKGROUND_BYTES=0)
def test_a_bad_row_fails_the_job_in_words_and_saves_nothing(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="da"))
    upload = SimpleUploadedFile("actions.csv", csv_of(80, bad_row=70), content_type="text/csv")
    client.post(reverse("actions:action_import"), {"file": upload})
    job = wait_for(Job.objects.get())
    assert job.state == State.FAILED
    assert "intet blev importeret" in job.error  # the owner's language
    assert job.result["errors"][0][0] == 72
    assert not Action.objects.filter(title__startswith="Background action").exists()
    with translation.override("da"):
        page = client.get(reverse("jobs:job_detail", args=[job.uuid]))
    assert "Kør det igen".encode() in page.content


def test_others_see_neither_the_job_nor_its_page(cast, make_user, client):
    owner = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    other = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    job = Job.objects.create(user=owner, name="remind", title="Owner's job", state=State.FAILED)
    client.force_login(other)
    assert b"Owner" not in client.get(reverse("jobs:job_list")).content
    assert client.get(reverse("jobs:job_detail", args=[job.uuid])).status_code == 404
    assert client.post(reverse("jobs:job_retry", args=[job.uuid])).status_code == 404
    assert client.get(f"/api/jobs/{job.uuid}/").status_code == 404
    assert client.get("/api/jobs/").json()["count"] == 0
    assert client.post(f"/api/jobs/{job.uuid}/retry/").status_code == 404
    job.refresh_from_db()
    assert job.state == State.FAILED
    client.force_login(owner)
    assert client.get("/api/jobs/").json()["count"] == 1


def test_the_schedule_queues_each_period_once_and_runs_the_commands(cast):
    import datetime as dt

    from django.utils import timezone

    night = timezone.make_aware(dt.datetime(2030, 1, 2, 3, 15))
    first = schedule.tick(night)
    again = schedule.tick(night + dt.timedelta(minutes=20))
    assert first == again and len(first) == 4
    assert sorted(Job.objects.values_list("key", flat=True)) == [
        "forget-pdfs:2030-01-02",
        "readings-partitions:2030-01-02",
        "refresh-objectives:2030-01-02",
        "remind:2030-01-02T03",
    ]
    for job in Job.objects.all():
        job = wait_for(job)
        assert job.state == State.DONE, job.error
        assert job.user is None
    assert "objectives linked" in Job.objects.get(name="refresh-objectives").result["output"]
    assert len(schedule.tick(night + dt.timedelta(hours=1))) == 4
    assert Job.objects.count() == 5  # a new hour: reminders again; the nightly ones not
