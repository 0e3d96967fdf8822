"""Request ids (from the proxy or new) on the response, on every log line of the request
and on the jobs it queues; one structured access line per request."""

import io
import json
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from zist.core import requestlog
from zist.jobs.models import Job
from zist.users.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    """The JSON lines Zist's handler (its filter and formatter) writes during a test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(requestlog.RequestIdFilter())
    handler.setFormatter(requestlog.JsonFormatter())
    root = logging.getLogger()
    access = logging.getLogger("zist.request")
    old = root.level, access.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    access.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(old[0])
        access.setLevel(old[1])


def test_a_new_id_is_made_and_returned(client):
    first = client.get("/health/")["X-Request-ID"]
    second = client.get("/health/")["X-Request-ID"]
    assert len(first) == 32 and int(first, 16) >= 0
    assert first != second


def test_the_proxys_id_is_kept_when_it_is_one(client):
    response = client.get("/health/", headers={"X-Request-ID": "9f1c2e3d4b5a69788796a5b4c3d2e1f0"})
    assert response["X-Request-ID"] == "9f1c2e3d4b5a69788796a5b4c3d2e1f0"


@pytest.mark.parametrize(
    "sent", ["short", "bad\nline-injected-here", 'quote"s-are-not-ids', "x" * 101, "-leading-dash"]
)
def test_anything_else_is_replaced(client, sent):
    returned = client.get("/health/", headers={"X-Request-ID": sent})["X-Request-ID"]
    assert returned != sent and len(returned) == 32


def test_the_access_line_and_every_line_of_the_request_carry_the_id(
    client, cast, make_user, json_log
):
    user = make_user(Role.VIEWER, cast.region)
    client.force_login(user)
    rid = "proxy-0123456789abcdef"
    # A refusal: the security log writes a line of its own during the request.
    response = client.post(reverse("actions:action_import"), headers={"X-Request-ID": rid})
    assert response.status_code == 403
    lines = json_log()
    mine = [line for line in lines if line["request_id"] == rid]
    assert {line["logger"] for line in mine} >= {"zist.security", "zist.request"}
    assert all(line["request_id"] == rid for line in lines if line["logger"] == "zist.security")
    access = next(line for line in mine if line["logger"] == "zist.request")
    assert access["method"] == "POST" and access["status"] == 403
    assert access["path"] == reverse("actions:action_import")
    assert access["user_id"] == user.pk and access["duration_ms"] >= 0
    assert access["level"] == "INFO" and access["time"].endswith("+00:00")


def test_no_reset_token_in_the_access_line(client, json_log):
    client.get("/en/password/reset/MQ/abc-0123456789abcdef/")
    paths = [line.get("path") for line in json_log() if line["logger"] == "zist.request"]
    assert paths == ["/en/password/reset/…/"]


def test_a_line_outside_a_request_has_no_id(json_log):
    logging.getLogger("zist.test").warning("alone")
    (line,) = [line for line in json_log() if line["logger"] == "zist.test"]
    assert line["request_id"] is None and line["message"] == "alone"


@pytest.mark.django_db(transaction=True)
@override_settings(ZIST_IMPORT_BACKGROUND_BYTES=0)
def test_a_job_keeps_the_id_of_the_request_that_queued_it_and_where_it_ran(
    client, cast, make_user, json_log
):
    from zist.jobs.tests.test_jobs import csv_of, wait_for

    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    upload = SimpleUploadedFile("actions.csv", csv_of(3), content_type="text/csv")
    response = client.post(
        reverse("actions:action_import"),
        {"file": upload},
        headers={"X-Request-ID": "queue-request-42abcdef"},
    )
    job = wait_for(Job.objects.get())
    assert job.request_id == response["X-Request-ID"] == "queue-request-42abcdef"
    assert job.ran_on.split(":")[-1].isdigit()
    # The job's own lines, written on the executor's thread, carry the same id.
    started = [line for line in json_log() if line["message"].startswith(f"job {job.pk} ")]
    assert len(started) >= 3  # queued, started, done
    assert {line["request_id"] for line in started} == {"queue-request-42abcdef"}


def test_the_log_format_is_checked():
    config = requestlog.logging_config("json", "INFO", True)
    assert config["formatters"]["zist"]["()"].endswith("JsonFormatter")
    assert config["loggers"]["zist.request"]["level"] == "INFO"
    text = requestlog.logging_config("text", "WARNING", False)
    assert "%(request_id)s" in text["formatters"]["zist"]["format"]
