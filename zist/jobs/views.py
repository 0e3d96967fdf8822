"""A person's background jobs: the list (refreshing itself while any is unfinished), one
job with its outcome, and running a failed one again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.jobs import engine, exports, pdf, services
from zist.jobs.models import State

PAGE = 100


@login_required
def job_list(request):
    jobs = list(services.jobs_of(request.user)[:PAGE])
    pending = any(job.state in (State.QUEUED, State.RUNNING) for job in jobs)
    return render(request, "jobs/job_list.html", {"jobs": jobs, "pending": pending})


def _job(request, uuid):
    job = services.jobs_of(request.user).filter(uuid=uuid).first()
    if job is None:
        raise Http404
    return job


@login_required
def job_detail(request, uuid):
    job = _job(request, uuid)
    return render(
        request,
        "jobs/job_detail.html",
        {
            "job": job,
            "pending": not job.finished,
            "may_retry": engine.may_retry(job),
            "row_errors": job.result.get("errors", []) if isinstance(job.result, dict) else [],
        },
    )


@login_required
@require_POST
def job_retry(request, uuid):
    job = _job(request, uuid)
    if services.retry(request.user, job):
        messages.success(request, _("The job was queued again."))
    else:
        messages.error(request, _("This job cannot be run again now."))
    return HttpResponseRedirect(reverse("jobs:job_detail", args=[job.uuid]))


@login_required
def job_file(request, uuid):
    """A file a job made (a PDF, an export): only to the person who asked, and only
    while they may still see what it shows (checked now, not when it was made)."""
    job = _job(request, uuid)
    name = (job.result or {}).get("file") if isinstance(job.result, dict) else None
    if job.state != State.DONE or not name or job.user_id != request.user.pk:
        raise Http404
    if job.name == "export":
        allowed, content_type = exports.may_download(request.user, job), exports.content_type(job)
    else:
        allowed, content_type = pdf.may_download(request.user, job), "application/pdf"
    if not allowed:
        raise PermissionDenied
    if not default_storage.exists(name):
        raise Http404
    return FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=job.name == "export",
        content_type=content_type,
        filename=job.result.get("filename") or "document.pdf",
    )
