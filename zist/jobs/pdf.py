"""Long PDF renders as jobs (docs/decisions/0020-pdf-on-jobs.md).

A page that asks `zist.core.pdf.pdf_later` (the statement, the master plan, a long list)
gets `queue` below: the request becomes a `pdf` job whose arguments say how to ask for
the same page again (path, query, host, language). The job builds that request for the
person who asked and calls the page's own view, so the view's restriction, the reader's
language, calendar and digits, and the offline fetcher's origin are those of the person.
The file is kept under the uploads folder (`jobs/pdf/<job uuid>.pdf`) and served only to
that person, who must still be allowed to see what it shows when downloading it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zist.jobs import engine, replay
from zist.jobs.models import Job, State

FOLDER = "jobs/pdf"


def file_name(job: Job) -> str:
    return f"{FOLDER}/{job.uuid}.pdf"


def queue(request, *, title: str, source=None) -> HttpResponseRedirect | None:
    """Queue the PDF this request asks for and send the person to the job's page. The
    same request again while its job is unfinished finds that job (the key); once it
    has finished, asking again renders anew (the records may have changed). None for
    an anonymous reader (nobody to hand the file to): the page renders it now."""
    if not request.user.is_authenticated:
        return None
    spec = replay.spec_of(request, source)
    key = replay.key_of("pdf", request.user, spec)
    with transaction.atomic():
        Job.objects.filter(key=key, state__in=(State.DONE, State.FAILED)).update(key=None)
        job = engine.enqueue("pdf", spec, title, user=request.user, key=key)
    return HttpResponseRedirect(reverse("jobs:job_detail", args=[job.uuid]))


def _render(job: Job, spec: dict) -> tuple[bytes, str]:
    """The page's PDF, rendered by its own view for the person who asked."""
    user = job.user
    if user is None or not user.is_active:
        raise engine.JobError(_("The person who asked for this PDF can no longer sign in."))
    request = replay.build_request(
        job,
        spec,
        pdf_job=job,
        pdf_progress=lambda fraction: engine.report(job, 0.05 + 0.9 * fraction),
    )
    response = replay.call_view(
        request,
        spec,
        refused=_("What this PDF would show is no longer there or no longer yours to see."),
        disallowed=_("This worker does not serve the address %(host)s the PDF was asked at."),
    )
    if response.status_code != 200 or response.get("Content-Type") != "application/pdf":
        raise engine.JobError(replay.messages_of(request) or _("The page did not give a PDF."))
    return response.content, replay.filename_of(response, "document.pdf")


def _title(spec: dict, title: str) -> str:
    return _("PDF: %(title)s") % {"title": title}


@engine.kind("pdf", _title)
def render(job: Job, spec: dict, title: str):
    """Render once: a run again after the file was written (a worker lost after saving
    it) keeps that file."""
    name = file_name(job)
    filename = (job.result or {}).get("filename") or "document.pdf"
    if not default_storage.exists(name):
        engine.report(job, 0.05)
        with translation.override(spec["language"]):
            content, filename = _render(job, spec)
        default_storage.save(name, ContentFile(content))
        # The file name is known before the job is marked done, for a second run.
        Job.objects.filter(pk=job.pk).update(result={"file": name, "filename": filename})
    return {
        "result": {"file": name, "filename": filename, "size": default_storage.size(name)},
        "link": reverse("jobs:job_file", args=[job.uuid]),
    }


def may_download(user, job: Job) -> bool:
    """The person who asked, still allowed to see what the PDF shows."""
    return job.name == "pdf" and replay.may_see_source(user, job)


def forget_old(job=None):
    """Delete the files of PDF and export jobs finished more than ZIST_PDF_KEEP_DAYS ago
    (nightly): such a file is a copy of a page that can be asked for again, not a record
    to keep."""
    limit = timezone.now() - timezone.timedelta(days=settings.ZIST_PDF_KEEP_DAYS)
    old = Job.objects.filter(
        name__in=("pdf", "export"), state=State.DONE, finished_at__lt=limit
    ).exclude(link="")
    count = 0
    for stale in old.only("pk", "result"):
        name = (stale.result or {}).get("file")
        if name and default_storage.exists(name):
            default_storage.delete(name)
        Job.objects.filter(pk=stale.pk).update(link="", result={"expired": True})
        count += 1
    return {"result": {"output": f"{count} PDF and export files deleted"}}


engine.kind("forget-pdfs", lambda: _("Old PDF files deleted"))(forget_old)
