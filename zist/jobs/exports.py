"""Large CSV/XLSX exports as jobs (docs/decisions/0026-exports-as-jobs.md).

A list export with more rows than ZIST_EXPORT_BACKGROUND_ROWS gets `queue` below
(installed as `zist.core.exports.set_background`): the request becomes an `export` job
whose arguments say how to ask for the same list again (path, query with its filters and
sort, host, language). The job checks that the person may still see the register, then
calls the list's own view as them, so the rows are those their restriction lets through
when the job runs, in their language, calendar and spreadsheet conventions. The file is
kept under the uploads folder (`jobs/export/<job uuid>.<format>`), served only to that
person while they may still see the register, and deleted with the PDF files after
ZIST_PDF_KEEP_DAYS.
"""

from __future__ import annotations

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from zist.core import exports as core_exports
from zist.jobs import engine, replay
from zist.jobs.models import Job, State

FOLDER = "jobs/export"


def file_name(job: Job, fmt: str) -> str:
    return f"{FOLDER}/{job.uuid}.{fmt}"


def queue(request, *, fmt: str, title: str, source=None) -> HttpResponseRedirect | None:
    """Queue the export this request asks for and send the person to the job's page.
    The same request again while its job is unfinished finds that job; once finished,
    asking again writes anew (the records may have changed)."""
    if not request.user.is_authenticated:
        return None
    spec = replay.spec_of(request, source, format=fmt)
    key = replay.key_of("export", request.user, spec)
    with transaction.atomic():
        Job.objects.filter(key=key, state__in=(State.DONE, State.FAILED)).update(key=None)
        job = engine.enqueue("export", spec, title, user=request.user, key=key)
    return HttpResponseRedirect(reverse("jobs:job_detail", args=[job.uuid]))


def _title(spec: dict, title: str) -> str:
    return _("Export of %(list)s (%(format)s)") % {
        "list": title,
        "format": spec.get("format", "").upper(),
    }


def _refused() -> str:
    return _("What this export would hold is no longer there or no longer yours to see.")


def _write(job: Job, spec: dict, name: str) -> dict:
    """The list's own view writes the file for the person; it is kept at `name`."""
    user = job.user
    if user is None or not user.is_active:
        raise engine.JobError(_("The person who asked for this export can no longer sign in."))
    if not replay.may_see_source(user, job):
        raise engine.JobError(_refused())
    request = replay.build_request(
        job,
        spec,
        export_job=job,
        export_progress=lambda fraction: engine.report(job, 0.05 + 0.9 * fraction),
    )
    response = replay.call_view(
        request,
        spec,
        refused=_refused(),
        disallowed=_("This worker does not serve the address %(host)s the export was asked at."),
    )
    # The response's temporary file is closed here, not by response.close(): that says
    # "request finished", which closes this job's database connection.
    handle = getattr(response, "file_to_stream", None)
    if response.status_code != 200 or "X-Zist-Rows" not in response or handle is None:
        if handle is not None:
            handle.close()
        raise engine.JobError(replay.messages_of(request) or _("The list did not give a file."))
    try:
        saved = default_storage.save(name, File(handle, name=name))
    finally:
        handle.close()
    return {
        "file": saved,
        "filename": replay.filename_of(response, name.rsplit("/", 1)[-1]),
        "content_type": response["Content-Type"],
        "rows": int(response["X-Zist-Rows"]),
    }


@engine.kind("export", _title)
def write(job: Job, spec: dict, title: str):
    """Write once: a run again after the file was kept (a worker lost after saving it)
    keeps that file."""
    name = file_name(job, spec["format"])
    result = job.result or {}
    if not (result.get("file") and default_storage.exists(result["file"])):
        if default_storage.exists(name):
            default_storage.delete(name)  # a half-saved file of an earlier attempt
        engine.report(job, 0.05)
        with translation.override(spec["language"]):
            result = _write(job, spec, name)
        # Known before the job is marked done, for a second run.
        Job.objects.filter(pk=job.pk).update(result=result)
    return {
        "result": {**result, "size": default_storage.size(result["file"])},
        "link": reverse("jobs:job_file", args=[job.uuid]),
    }


def may_download(user, job: Job) -> bool:
    """The person who asked, still allowed to see the register the file lists."""
    return job.name == "export" and replay.may_see_source(user, job)


def content_type(job: Job) -> str:
    return (job.result or {}).get("content_type") or core_exports.CONTENT_TYPES["csv"]
