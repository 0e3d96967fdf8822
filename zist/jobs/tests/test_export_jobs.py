"""Large exports written by jobs (decision 0026): the job writes the list the person
asked for (their filters, language, calendar and scope when it runs), the file is theirs
alone and checked again when downloaded, and asking twice while queued is one job."""

import csv
import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.test import override_settings
from openpyxl import load_workbook

from zist.actions.models import Action
from zist.jobs import engine
from zist.jobs.models import Job, State
from zist.jobs.testing import job_of
from zist.jobs.tests.test_jobs import wait_for
from zist.users.models import RoleAssignment
from zist.users.roles import Role

ACTIONS = "/{lang}/actions/actions/?export={fmt}"


@pytest.fixture
def actions(cast):
    """Six actions in District 3, two in District 4, two in Albertslund's library."""
    for number in range(6):
        Action.objects.create(
            unit=cast.inside,
            title=f"D3 {number}",
            kind="corrective" if number % 2 else "improvement",
            progress=number * 10,
            due_date=dt.date(2026, 12, 1 + number),
        )
    for number in range(2):
        Action.objects.create(unit=cast.outside, title=f"D4 {number}", progress=1)
        Action.objects.create(unit=cast.foreign, title=f"Bib {number}", progress=number * 5 + 0)
    return cast


def _download(client, job: Job) -> tuple[bytes, object]:
    response = client.get(job.link)
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content), response


@pytest.mark.django_db(transaction=True)
@override_settings(ZIST_EXPORT_BACKGROUND_ROWS=2)
def test_a_persian_manager_gets_an_xlsx_of_their_district_from_a_job(
    actions, make_user, client, uploads
):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, actions.inside, language="fa")
    client.force_login(manager)
    asked = client.get(ACTIONS.format(lang="fa", fmt="xlsx") + "&kind=corrective&sort=-progress")
    job = job_of(asked)
    assert asked["Location"] == f"/fa/jobs/{job.uuid}/"
    job = wait_for(job)
    assert job.state == State.DONE, job.error
    assert job.user == manager and job.progress == 100
    assert job.title == "خروجی اقدامات (XLSX)"  # in her language
    assert job.result["file"] == f"jobs/export/{job.uuid}.xlsx"
    assert job.result["rows"] == 3
    assert (uploads / "jobs" / "export" / f"{job.uuid}.xlsx").is_file()
    page = client.get(f"/fa/jobs/{job.uuid}/").content.decode()
    assert job.link in page and "data-export-download" in page
    content, response = _download(client, job)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith('attachment; filename="action-')
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert sheet.sheet_view.rightToLeft
    header = [cell.value for cell in sheet[1]]
    assert header[0] == "عنوان"  # in Persian
    rows = list(sheet.iter_rows(min_row=2))
    # The filter (corrective) and the sort (progress, descending) of the page; only
    # District 3's rows.
    assert [row[0].value for row in rows] == ["D3 5", "D3 3", "D3 1"]
    assert [row[6].value for row in rows] == [50, 30, 10]
    assert rows[0][4].value == dt.datetime(2026, 12, 6)
    assert rows[0][4].number_format.startswith("[$-fa-IR,16]")  # the Jalali calendar

    # Someone else gets neither the job's page nor its file.
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, actions.region))
    assert client.get(job.link).status_code == 404
    assert client.get(f"/en/jobs/{job.uuid}/").status_code == 404
    client.logout()
    assert client.get(job.link).status_code == 302  # to the sign-in page


@pytest.mark.django_db(transaction=True)
@override_settings(ZIST_EXPORT_BACKGROUND_ROWS=1)
def test_a_danish_manager_gets_a_csv_danish_excel_reads(actions, make_user, client, uploads):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, actions.foreign, language="da")
    client.force_login(manager)
    job = wait_for(job_of(client.get(ACTIONS.format(lang="da", fmt="csv"))))
    assert job.state == State.DONE, job.error
    assert job.title == "Eksport af Handlinger (CSV)"
    content, response = _download(client, job)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Titel"
    assert sorted(row[0] for row in rows[1:]) == ["Bib 0", "Bib 1"]
    assert sorted(row[6] for row in rows[1:]) == ["0", "5"]
    assert job.result["rows"] == 2 and job.result["filename"].endswith(".csv")


@pytest.mark.django_db(transaction=True)
@override_settings(ZIST_EXPORT_BACKGROUND_ROWS=1)
def test_the_download_is_refused_once_the_person_lost_the_right(
    actions, make_user, client, uploads
):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, actions.inside)
    client.force_login(manager)
    job = wait_for(job_of(client.get(ACTIONS.format(lang="en", fmt="csv"))))
    assert job.state == State.DONE, job.error
    assert _download(client, job)[0]
    RoleAssignment.objects.filter(user=manager).delete()
    assert client.get(job.link).status_code == 403


@pytest.mark.django_db
@override_settings(ZIST_EXPORT_BACKGROUND_ROWS=1)
def test_a_job_whose_person_lost_the_right_fails_in_words(actions, make_user, client, uploads):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, actions.inside, language="da")
    client.force_login(manager)
    job = job_of(client.get(ACTIONS.format(lang="da", fmt="xlsx")))
    RoleAssignment.objects.filter(user=manager).delete()
    assert engine.run(job.pk) == State.FAILED
    job.refresh_from_db()
    assert "ikke længere" in job.error  # in the person's language
    assert not default_storage.exists(f"jobs/export/{job.uuid}.xlsx")
    assert client.get(f"/da/jobs/{job.uuid}/file/").status_code == 404


@pytest.mark.django_db
@override_settings(ZIST_EXPORT_BACKGROUND_ROWS=3)
def test_asking_twice_while_queued_is_one_job_and_a_small_list_is_sent_at_once(
    actions, make_user, client, uploads
):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, actions.inside))
    url = ACTIONS.format(lang="en", fmt="csv")
    first, second = job_of(client.get(url)), job_of(client.get(url))
    assert first.pk == second.pk and first.state == State.QUEUED
    assert job_of(client.get(ACTIONS.format(lang="en", fmt="xlsx"))).pk != first.pk
    assert Job.objects.filter(name="export").count() == 2
    # Three rows or fewer: the file itself, no job.
    small = client.get(url + "&kind=corrective")
    assert small.status_code == 200 and small["X-Zist-Rows"] == "3"
    assert Job.objects.filter(name="export").count() == 2
    # Run twice (a broker's retry): written once.
    assert engine.run(first.pk) == State.DONE
    first.refresh_from_db()
    path = uploads / first.result["file"]
    written = path.stat().st_mtime_ns
    assert engine.run(first.pk) == State.DONE
    first.refresh_from_db()
    assert first.attempts == 1 and path.stat().st_mtime_ns == written
    # Asked again once finished: a new file (the records may have changed).
    assert job_of(client.get(url)).pk != first.pk


@pytest.mark.django_db
@override_settings(ZIST_EXPORT_BACKGROUND_ROWS=1, ZIST_PDF_KEEP_DAYS=7)
def test_export_files_older_than_the_keeping_days_are_deleted_at_night(
    actions, make_user, client, uploads
):
    from django.utils import timezone

    from zist.jobs import pdf

    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, actions.inside))
    old = job_of(client.get(ACTIONS.format(lang="en", fmt="csv")))
    new = job_of(client.get(ACTIONS.format(lang="en", fmt="xlsx")))
    for job in (old, new):
        assert engine.run(job.pk) == State.DONE
        job.refresh_from_db()
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - dt.timedelta(days=8))
    pdf.forget_old()
    old.refresh_from_db()
    assert old.link == "" and old.result == {"expired": True}
    assert not (uploads / "jobs" / "export" / f"{old.uuid}.csv").exists()
    assert (uploads / "jobs" / "export" / f"{new.uuid}.xlsx").exists()
    assert client.get(f"/en/jobs/{old.uuid}/file/").status_code == 404
    assert "export the list again" in client.get(f"/en/jobs/{old.uuid}/").content.decode()
