"""For tests of pages whose PDF is rendered by a job (decision 0020)."""

from __future__ import annotations

from zist.jobs import engine
from zist.jobs.models import Job, State


def job_of(response) -> Job:
    """The job a "PDF, please" answer sent its person to."""
    assert response.status_code == 302, response.status_code
    return Job.objects.get(uuid=response["Location"].rstrip("/").rsplit("/", 1)[-1])


def pdf_of(client, response) -> bytes:
    """Follow a PDF asked for in the background: the job is run here, as a worker
    would run it, and the file downloaded by the same client from the job's link."""
    job = job_of(response)
    if not job.finished:
        engine.run(job.pk)
    job.refresh_from_db()
    assert job.state == State.DONE, job.error
    download = client.get(job.link)
    assert download.status_code == 200, download.status_code
    assert download["Content-Type"] == "application/pdf"
    return b"".join(download.streaming_content)
