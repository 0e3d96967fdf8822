"""The flow CI runs against the loopback deployment (deploy/loopback/run): what a person
does, through the proxy, and what must then be true on every machine.

1. The proxy and both app servers are ready.
2. Log in through the proxy.
3. Upload a readings file: it is queued, and the worker imports it (the job's row says
   which process ran it: the worker's, not an app server's).
4. A PDF of the readings, through the proxy.
5. The readings and the job's result read from the OTHER app server directly (the session,
   the data and the job are shared), and through the proxy.
6. Every log (proxy, the app server that served it, the worker) has the upload's request id.
7. One app server killed: the proxy still serves from the other.

`flow.py setup` (run by `run` with the deployment's settings) makes the user and meter.
"""

from __future__ import annotations

import http.cookiejar
import io
import json
import os
import re
import secrets
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlparse

USERNAME = "loopback-manager"
METER = "LB-EL-1"
ROWS = 240


def setup() -> None:
    """An organisation, a unit with a meter, and an environmental manager of it."""
    import django

    django.setup()
    from zist.meters.models import Meter
    from zist.organisations import services
    from zist.organisations.models import Unit
    from zist.users.models import RoleAssignment, User
    from zist.users.roles import Role

    organisation = services.create_organisation(
        name="Loopback Municipality", language="en", time_zone="UTC", currency="EUR"
    )
    root = Unit.objects.get(organisation=organisation, depth=1)
    unit = services.create_unit(root, name="Town hall", code="hall", kind="workplace")
    Meter.objects.create(
        unit=unit, code=METER, name="Main", carrier="electricity", measure_unit="kWh"
    )
    password = secrets.token_urlsafe(18)
    user = User.objects.create_user(USERNAME, password=password, home_unit=unit)
    RoleAssignment.objects.create(user=user, role=Role.ENVIRONMENTAL_MANAGER, unit=unit)
    print(json.dumps({"unit": unit.pk, "username": USERNAME, "password": password}))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """A browser's cookies (one jar for every port of 127.0.0.1, as a browser keeps them)
    and plain HTTP; responses are (status, headers, body)."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(self, url: str, data: bytes | None = None, headers: dict | None = None):
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def get(self, url: str):
        return self.request(url)

    def post(self, url: str, fields: dict, files: dict | None = None):
        if files:
            boundary = secrets.token_hex(16)
            body = io.BytesIO()
            for name, value in fields.items():
                head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                body.write(f"{head}{value}\r\n".encode())
            for name, (filename, content, kind) in files.items():
                head = (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'
                )
                body.write(head.encode() + content + b"\r\n")
            body.write(f"--{boundary}--\r\n".encode())
            data = body.getvalue()
            kind = f"multipart/form-data; boundary={boundary}"
        else:
            data, kind = urlencode(fields).encode(), "application/x-www-form-urlencoded"
        return self.request(url, data, {"Content-Type": kind})

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.jar if cookie.name == "csrftoken")


def say(text: str) -> None:
    print(f"[flow {time.strftime('%H:%M:%S')}] {text}", flush=True)


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def readings_csv() -> bytes:
    lines = ["meter,timestamp,value,quality"]
    for hour in range(ROWS):
        day, at = divmod(hour, 24)
        lines.append(f"{METER},2026-11-{day + 1:02d} {at:02d}:00,{1000 + hour * 2.5},measured")
    return ("\n".join(lines) + "\n").encode()


def log_lines(path: str) -> list[dict]:
    """The JSON lines of a log (gunicorn's and Celery's own plain lines are skipped)."""
    lines = []
    for line in Path(path).read_text(errors="replace").splitlines():
        if line.startswith("{"):
            try:
                lines.append(json.loads(line))
            except ValueError:
                pass
    return lines


def family(pid: int) -> set[int]:
    """A process and its descendants (a gunicorn master and its workers)."""
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        found.add(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            children = (task / "children").read_text().split() if task.exists() else []
            todo.extend(int(child) for child in children)
    return found


def check(state: dict) -> None:
    started = time.monotonic()
    proxy = state["proxy"]
    apps = dict(state["apps"])
    client = Client()

    say("1. ready: the proxy and both app servers")
    for base in [proxy, *apps]:
        status, _headers, body = client.get(f"{base}/ready/")
        expect(status == 200, f"{base}/ready/ answered {status}: {body[:300]!r}")
        checks = json.loads(body)["checks"]
        expect(checks["broker"]["status"] == "ok", f"broker not used: {checks}")
        expect(checks["cache"]["status"] == "ok", f"shared cache not used: {checks}")

    status, headers, body = client.get(f"{proxy}/static/zist/zist.css")
    expect(status == 200 and b"{" in body, f"the proxy's static file answered {status}")
    expect("X-Request-ID" not in headers, "a static file came from an app server, not nginx")

    say("2. log in through the proxy")
    client.get(f"{proxy}/en/login/")
    status, headers, body = client.post(
        f"{proxy}/en/login/",
        {
            "username": state["username"],
            "password": state["password"],
            "csrfmiddlewaretoken": client.csrf(),
        },
    )
    expect(status == 302, f"login answered {status}: {body[:500]!r}")

    say(f"3. upload {ROWS} readings: queued to the worker")
    upload_url = f"{proxy}/en/meters/readings/import/"
    status, _headers, _body = client.get(upload_url)
    expect(status == 200, f"the import page answered {status}")
    status, headers, body = client.post(
        upload_url,
        {"csrfmiddlewaretoken": client.csrf(), "unit": state["unit"]},
        {"file": ("readings.csv", readings_csv(), "text/csv")},
    )
    expect(status == 302, f"the upload answered {status}: {body[:800]!r}")
    request_id = headers["X-Request-ID"]
    match = re.search(r"/jobs/([0-9a-f-]{36})/", headers["Location"])
    expect(match is not None, f"not sent to the job's page: {headers['Location']}")
    job_uuid = match.group(1)
    job = wait_for_job(client, proxy, job_uuid)
    expect(job["state"] == "done", f"the job did not succeed: {job}")
    expect(job["result"]["created"] == ROWS, f"not every reading stored: {job['result']}")
    ran_on, queued_by = job_row(state["database_url"], job_uuid)
    host, pid = ran_on.rsplit(":", 1)
    expect(host == socket.gethostname(), f"ran on {ran_on}")
    expect(int(pid) in family(state["worker_pid"]), f"{ran_on} is not the worker's process")
    for base, app_pid in apps.items():
        expect(int(pid) not in family(app_pid), f"the job ran in the app server {base}")
    expect(queued_by == request_id, f"the job's request id {queued_by} is not {request_id}")
    say(f"   job {job_uuid} done by the worker ({ran_on}), request id {request_id}")

    say("4. a PDF of the readings through the proxy: rendered by the worker")
    # Over ZIST_PDF_BACKGROUND_ROWS rows a list's PDF is a job (decision 0020): the page
    # sends the person to the job, the worker renders it, either app server serves it.
    status, headers, body = client.get(f"{proxy}/en/meters/readings/?export=pdf")
    expect(status == 302, f"the PDF answered {status}: {body[:300]!r}")
    match = re.search(r"/jobs/([0-9a-f-]{36})/", headers["Location"])
    expect(match is not None, f"the PDF was not sent to a job: {headers['Location']}")
    pdf_job = wait_for_job(client, proxy, match.group(1))
    expect(pdf_job["state"] == "done", f"the PDF job did not succeed: {pdf_job}")
    pdf_ran_on, _queued_by = job_row(state["database_url"], match.group(1))
    expect(int(pdf_ran_on.rsplit(":", 1)[1]) in family(state["worker_pid"]), pdf_ran_on)
    status, headers, body = client.get(f"{proxy}/en/jobs/{match.group(1)}/file/")
    expect(status == 200, f"the PDF file answered {status}: {body[:300]!r}")
    expect(headers["Content-Type"] == "application/pdf", headers["Content-Type"])
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    expect(METER in text, "the PDF does not show the imported meter")
    say(f"   {len(body)} bytes, {len(PdfReader(io.BytesIO(body)).pages)} pages, by {pdf_ran_on}")

    say("5. the results from the other app server, and through the proxy")
    served_by = upstream_of(state["logs"]["nginx-access"], request_id)
    other = next(base for base in apps if urlparse(base).netloc != served_by)
    expect(served_by in {urlparse(base).netloc for base in apps}, f"served by {served_by}")
    for base in (other, proxy):
        status, _h, body = client.get(f"{base}/api/meters/readings/?{urlencode({'page_size': 1})}")
        expect(status == 200, f"{base}: readings answered {status}")
        expect(json.loads(body)["count"] == ROWS, f"{base}: {json.loads(body)['count']} readings")
        status, _h, body = client.get(f"{base}/api/jobs/{job_uuid}/")
        expect(status == 200 and json.loads(body)["result"]["created"] == ROWS, f"{base}: {body!r}")
    say(f"   upload served by {served_by}; read back from {other} and the proxy")

    say("6. the request id in the logs of the proxy, the app server and the worker")
    app_name = f"app{list(apps).index(f'http://{served_by}') + 1}"
    mine = [line for line in log_lines(state["logs"][app_name]) if line["request_id"] == request_id]
    access = [line for line in mine if line["logger"] == "zist.request"]
    expect(access and access[0]["status"] == 302, f"{app_name}'s log: {mine}")
    expect(access[0]["user_id"] is not None and access[0]["duration_ms"] > 0, str(access))
    worker = [
        line for line in log_lines(state["logs"]["worker"]) if line["request_id"] == request_id
    ]
    expect(
        any("started on" in line["message"] for line in worker)
        and any(line["message"].endswith(" done") for line in worker),
        f"the worker's log has no line of this job with its request id: {worker}",
    )
    say(f"   {app_name}: {len(mine)} lines, worker: {len(worker)} lines, proxy: 1 line")

    say(f"7. {app_name} killed: the proxy still serves")
    state["kill"](app_name)
    for _ in range(6):
        status, _h, body = client.get(f"{proxy}/api/jobs/{job_uuid}/")
        expect(status == 200, f"after the kill the proxy answered {status}")
    status, _h, _b = client.get(f"{proxy}/ready/")
    expect(status == 200, f"after the kill /ready/ answered {status}")
    say(f"flow passed in {time.monotonic() - started:.1f} s")


def wait_for_job(client: Client, base: str, job_uuid: str, timeout: float = 90) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, _h, body = client.get(f"{base}/api/jobs/{job_uuid}/")
        expect(status == 200, f"the job answered {status}")
        job = json.loads(body)
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.3)
    raise AssertionError(f"job {job_uuid} not finished after {timeout} s")


def job_row(database_url: str, job_uuid: str) -> tuple[str, str]:
    import psycopg

    with psycopg.connect(database_url) as connection:
        row = connection.execute(
            "SELECT ran_on, request_id FROM jobs_job WHERE uuid = %s", [job_uuid]
        ).fetchone()
    return row


def upstream_of(access_log: str, request_id: str) -> str:
    for line in log_lines(access_log):
        if line["request_id"] == request_id:
            return line["upstream"].split(",")[-1].strip()
    raise AssertionError(f"the proxy's log has no line with {request_id}")


if __name__ == "__main__":
    if sys.argv[1:] == ["setup"]:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zist.settings")
        setup()
    else:
        sys.exit("usage: flow.py setup (the flow itself runs from deploy/loopback/run)")
