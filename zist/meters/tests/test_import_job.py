"""A large reading file is imported by a background job (a worker in a deployment), every
row or none, as the page would import it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from zist.jobs.models import Job, State
from zist.jobs.tests.test_jobs import wait_for
from zist.meters.models import ImportBatch, Reading
from zist.meters.testing import make_meter
from zist.meters.tests.test_import import GOOD
from zist.users.roles import Role

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("meters"),
]


@pytest.fixture
def meters(cast):
    make_meter(cast.inside, code="E1")
    make_meter(cast.inside, code="W1", carrier="water", measure_unit="m³")


def _post(client, unit, data: bytes):
    upload = SimpleUploadedFile("readings.csv", data, content_type="text/csv")
    return client.post(reverse("meters:reading_upload"), {"unit": unit.pk, "file": upload})


@override_settings(ZIST_IMPORT_BACKGROUND_BYTES=0)
def test_a_large_reading_file_is_imported_by_a_job(cast, make_user, client):
    owner = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    client.force_login(owner)
    response = _post(client, cast.inside, GOOD)
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("jobs:job_detail", args=[job.uuid])
    job = wait_for(job)
    assert job.state == State.DONE, job.error
    assert job.name == "import-readings" and job.user == owner
    assert job.result["created"] == 5 and job.result["skipped"] == 0
    batch = ImportBatch.objects.get(pk=job.result["batch"])
    assert batch.user == owner and batch.created_readings == 5
    assert Reading.objects.count() == 5
    with translation.override(owner.preferred_language):
        assert job.link == reverse("meters:reading_list")
    # Queued again (the same file): the stored readings are not doubled.
    _post(client, cast.inside, GOOD)
    again = wait_for(Job.objects.latest("id"))
    assert again.state == State.DONE and again.result["created"] == 0
    assert Reading.objects.count() == 5


@override_settings(ZIST_IMPORT_BACKGROUND_BYTES=0)
def test_a_bad_row_fails_the_job_and_stores_nothing(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="fi"))
    _post(client, cast.inside, GOOD + b"E1,not a time,1300,measured\n")
    job = wait_for(Job.objects.get())
    assert job.state == State.FAILED
    assert job.result["errors"][0][0] == 7
    assert Reading.objects.count() == 0 and not ImportBatch.objects.exists()


@override_settings(ZIST_IMPORT_BACKGROUND_BYTES=0)
def test_a_unit_outside_the_users_scope_queues_nothing(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    response = _post(client, cast.foreign, GOOD)
    assert response.status_code == 400
    assert not Job.objects.exists() and Reading.objects.count() == 0
