"""Long PDFs rendered as jobs (decision 0020), on the embedded threads: the job renders
for the person who asked (their scope, language and digits), the file is theirs alone
and checked again when downloaded, and asking twice while it is queued is one job."""

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings

from zist.core.testing import pdf_text
from zist.jobs import engine
from zist.jobs.models import Job, State
from zist.jobs.testing import job_of
from zist.jobs.tests.test_jobs import wait_for
from zist.users.models import RoleAssignment
from zist.users.roles import Role

UNITS = "/en/organisation/units/?export=pdf"


def _download(client, job: Job) -> bytes:
    response = client.get(job.link)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


@pytest.mark.django_db(transaction=True)
@override_settings(ZIST_PDF_BACKGROUND_ROWS=0)
def test_each_person_gets_a_pdf_of_what_they_may_see(cast, make_user, client, uploads):
    wide = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    narrow = make_user(Role.ENVIRONMENTAL_MANAGER, cast.inside, language="fa")
    client.force_login(wide)
    asked = client.get(UNITS)
    wide_job = job_of(asked)
    assert asked["Location"] == f"/en/jobs/{wide_job.uuid}/"
    wide_job = wait_for(wide_job)
    assert wide_job.state == State.DONE, wide_job.error
    assert wide_job.user == wide and wide_job.progress == 100
    assert wide_job.result["file"] == f"jobs/pdf/{wide_job.uuid}.pdf"
    assert (uploads / "jobs" / "pdf" / f"{wide_job.uuid}.pdf").is_file()
    page = client.get(f"/en/jobs/{wide_job.uuid}/").content.decode()
    assert "Download the PDF" in page and wide_job.link in page
    wide_text = pdf_text(_download(client, wide_job))
    assert "District 3" in wide_text and "District 4" in wide_text
    assert "Biblioteket" not in wide_text

    # The district's manager, reading Persian: the job renders their scope in their
    # language and digits.
    client.force_login(narrow)
    narrow_job = wait_for(job_of(client.get("/fa/organisation/units/?export=pdf")))
    assert narrow_job.state == State.DONE, narrow_job.error
    narrow_text = pdf_text(_download(client, narrow_job))
    assert "District 3" in narrow_text and "District 4" not in narrow_text
    assert "صفحه" in narrow_text and "۱" in narrow_text  # "page 1 of 1" in Persian
    # Nor may they download the other person's file, or see its job.
    assert client.get(wide_job.link).status_code == 404
    assert client.get(f"/fa/jobs/{wide_job.uuid}/").status_code == 404
    client.logout()
    assert client.get(wide_job.link).status_code == 302  # to the sign-in page


@pytest.mark.django_db(transaction=True)
def test_the_download_is_checked_again_when_the_person_lost_the_right(
    cast, make_user, client, uploads
):
    from zist.publication.tests.conftest import World

    world = World(cast)
    owner = make_user(Role.ENVIRONMENTAL_MANAGER, world.root)
    statement = world.statement
    client.force_login(owner)
    job = wait_for(
        job_of(client.get(f"/en/publication/statements/{statement.pk}/document/?format=pdf"))
    )
    assert job.state == State.DONE, job.error
    assert _download(client, job)[:4] == b"%PDF"
    RoleAssignment.objects.filter(user=owner).delete()
    assert client.get(job.link).status_code == 403
    # Someone outside the statement's unit is refused before any job is queued.
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    before = Job.objects.count()
    response = client.get(f"/en/publication/statements/{statement.pk}/document/?format=pdf")
    assert response.status_code == 404 and Job.objects.count() == before


@pytest.mark.django_db
@override_settings(ZIST_PDF_BACKGROUND_ROWS=0)
def test_asking_twice_while_queued_is_one_job_and_a_job_run_twice_renders_once(
    cast, make_user, client, uploads
):
    # Without a commit the job stays queued (it starts after the request's commit).
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    first = job_of(client.get(UNITS))
    second = job_of(client.get(UNITS))
    assert first.pk == second.pk and first.state == State.QUEUED
    other = job_of(client.get(UNITS + "&kind=district"))  # another list: another job
    assert other.pk != first.pk
    assert engine.run(first.pk) == State.DONE
    first.refresh_from_db()
    path = uploads / first.result["file"]
    written = path.stat().st_mtime_ns
    # Delivered again (a broker's retry): done stays done, nothing rendered again.
    assert engine.run(first.pk) == State.DONE
    first.refresh_from_db()
    assert first.attempts == 1 and path.stat().st_mtime_ns == written
    # A worker lost after writing the file but before saying so: the file is kept.
    Job.objects.filter(pk=first.pk).update(state=State.FAILED)
    first.refresh_from_db()
    assert engine.retry(first) and engine.run(first.pk) == State.DONE
    assert path.stat().st_mtime_ns == written
    assert default_storage.exists(first.result["file"])
    # Asked again once finished: a new render (the records may have changed).
    third = job_of(client.get(UNITS))
    assert third.pk != first.pk


@pytest.mark.django_db
def test_a_job_whose_person_may_no_longer_see_the_page_fails_in_words(
    cast, make_user, client, uploads
):
    from zist.publication.tests.conftest import World

    world = World(cast)
    owner = make_user(Role.ENVIRONMENTAL_MANAGER, world.root, language="da")
    client.force_login(owner)
    job = job_of(
        client.get(f"/da/publication/statements/{world.statement.pk}/document/?format=pdf")
    )
    RoleAssignment.objects.filter(user=owner).delete()
    assert engine.run(job.pk) == State.FAILED
    job.refresh_from_db()
    assert "ikke længere" in job.error  # in the person's language
    assert not default_storage.exists(f"jobs/pdf/{job.uuid}.pdf")
    assert client.get(f"/da/jobs/{job.uuid}/file/").status_code == 404


@pytest.mark.django_db
@override_settings(ZIST_PDF_BACKGROUND_ROWS=0, ZIST_PDF_KEEP_DAYS=7)
def test_files_older_than_the_keeping_days_are_deleted_at_night(cast, make_user, client, uploads):
    import datetime as dt

    from django.utils import timezone

    from zist.jobs import pdf

    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    old, new = job_of(client.get(UNITS)), job_of(client.get(UNITS + "&kind=district"))
    for job in (old, new):
        assert engine.run(job.pk) == State.DONE
        job.refresh_from_db()
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(days=8))
    pdf.forget_old()
    old.refresh_from_db()
    assert old.link == "" and old.result == {"expired": True}
    assert not (uploads / "jobs" / "pdf" / f"{old.uuid}.pdf").exists()
    assert (uploads / "jobs" / "pdf" / f"{new.uuid}.pdf").exists()
    assert client.get(f"/en/jobs/{old.uuid}/file/").status_code == 404
    assert "ask for the PDF again" in client.get(f"/en/jobs/{old.uuid}/").content.decode()
