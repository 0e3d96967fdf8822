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

import hashlib
import io
import json
from urllib.parse import unquote

from django.apps import apps
from django.conf import settings
from django.contrib.messages.storage.base import BaseStorage
from django.core.exceptions import DisallowedHost, PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.handlers.wsgi import WSGIRequest
from django.db import models, transaction
from django.http import Http404, HttpResponseRedirect
from django.http.request import split_domain_port
from django.urls import Resolver404, get_script_prefix, resolve, reverse, set_script_prefix
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zist.core import calendars
from zist.core.middleware import activate_preferences
from zist.jobs import engine
from zist.jobs.models import Job, State

FOLDER = "jobs/pdf"


def file_name(job: Job) -> str:
    return f"{FOLDER}/{job.uuid}.pdf"


def _source(source) -> dict:
    """What to check again at download time: a record, or a model (a list)."""
    if isinstance(source, models.Model):
        return {"model": source._meta.label_lower, "pk": source.pk}
    if isinstance(source, type) and issubclass(source, models.Model):
        return {"model": source._meta.label_lower, "pk": None}
    return {}


def queue(request, *, title: str, source=None) -> HttpResponseRedirect | None:
    """Queue the PDF this request asks for and send the person to the job's page. The
    same request again while its job is unfinished finds that job (the key); once it
    has finished, asking again renders anew (the records may have changed). None for
    an anonymous reader (nobody to hand the file to): the page renders it now."""
    if not request.user.is_authenticated:
        return None
    spec = {
        "path": request.path_info,
        "script": request.META.get("SCRIPT_NAME", ""),
        "query": request.META.get("QUERY_STRING", ""),
        "host": request.get_host(),
        "secure": request.is_secure(),
        "language": translation.get_language() or "en",
        "source": _source(source),
    }
    digest = hashlib.sha256(
        json.dumps([request.user.pk, spec], sort_keys=True).encode()
    ).hexdigest()
    key = f"pdf:{digest[:48]}"
    with transaction.atomic():
        Job.objects.filter(key=key, state__in=(State.DONE, State.FAILED)).update(key=None)
        job = engine.enqueue("pdf", spec, title, user=request.user, key=key)
    return HttpResponseRedirect(reverse("jobs:job_detail", args=[job.uuid]))


class _Kept(BaseStorage):
    """Messages a view adds while rendering in a job: kept to explain a refusal."""

    def _get(self, *args, **kwargs):
        return [], True

    def _store(self, messages, response, *args, **kwargs):
        return []


def _request(job: Job, spec: dict) -> WSGIRequest:
    host = spec["host"]
    name, port = split_domain_port(host)
    secure = spec.get("secure", False)
    environ = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": spec.get("script", ""),
        "PATH_INFO": spec["path"],
        "QUERY_STRING": spec.get("query", ""),
        "HTTP_HOST": host,
        "SERVER_NAME": name or host,
        "SERVER_PORT": port or ("443" if secure else "80"),
        "wsgi.url_scheme": "https" if secure else "http",
        "wsgi.input": io.BytesIO(b""),
    }
    if secure and settings.SECURE_PROXY_SSL_HEADER:
        # Behind a proxy, "secure" is read from the proxy's header.
        header, value = settings.SECURE_PROXY_SSL_HEADER
        environ[header] = value
    request = WSGIRequest(environ)
    request.user = job.user
    request.LANGUAGE_CODE = spec["language"]
    request._messages = _Kept(request)
    request.pdf_job = job
    request.pdf_progress = lambda fraction: engine.report(job, 0.05 + 0.9 * fraction)
    return request


def _filename(response) -> str:
    disposition = response.get("Content-Disposition", "")
    for part in disposition.split(";"):
        part = part.strip()
        if part.startswith("filename*=utf-8''"):
            return unquote(part[len("filename*=utf-8''") :])
        if part.startswith("filename="):
            return part[len("filename=") :].strip('"')
    return "document.pdf"


def _render(job: Job, spec: dict) -> tuple[bytes, str]:
    """The page's PDF, rendered by its own view for the person who asked."""
    user = job.user
    if user is None or not user.is_active:
        raise engine.JobError(_("The person who asked for this PDF can no longer sign in."))
    request = _request(job, spec)
    try:
        match = resolve(spec["path"])
    except Resolver404:
        raise engine.JobError(_("This page is no longer there.")) from None
    prefix = get_script_prefix()
    before = calendars.active_calendar(), calendars.active_digits()
    set_script_prefix((spec.get("script") or "") + "/")
    activate_preferences(user, spec["language"])
    try:
        response = match.func(request, *match.args, **match.kwargs)
    except (Http404, PermissionDenied):
        raise engine.JobError(
            _("What this PDF would show is no longer there or no longer yours to see.")
        ) from None
    except DisallowedHost:
        # The web servers and the workers must be configured alike (ZIST_ALLOWED_HOSTS).
        raise engine.JobError(
            _("This worker does not serve the address %(host)s the PDF was asked at.")
            % {"host": spec["host"]}
        ) from None
    finally:
        set_script_prefix(prefix)
        calendars.activate(*before)
        timezone.deactivate()
    if response.status_code != 200 or response.get("Content-Type") != "application/pdf":
        said = " ".join(str(message) for message in request._messages._queued_messages)
        raise engine.JobError(said or _("The page did not give a PDF."))
    return response.content, _filename(response)


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
    if job.user_id is None or job.user_id != user.pk or job.name != "pdf":
        return False
    source = (job.arguments[0] if job.arguments else {}).get("source") or {}
    if not source:
        return True
    try:
        model = apps.get_model(source["model"])
    except (LookupError, ValueError):
        return False
    if source.get("pk") is None:
        from zist.core.views import can

        return can(user, model, "view")
    manager = model._default_manager
    if not hasattr(manager, "restrict"):
        return False
    return manager.restrict(user, "view").filter(pk=source["pk"]).exists()


def forget_old(job=None):
    """Delete the files of PDF jobs finished more than ZIST_PDF_KEEP_DAYS ago (nightly):
    a PDF is a copy of a page that can be asked for again, not a record to keep."""
    limit = timezone.now() - timezone.timedelta(days=settings.ZIST_PDF_KEEP_DAYS)
    old = Job.objects.filter(name="pdf", state=State.DONE, finished_at__lt=limit).exclude(link="")
    count = 0
    for stale in old.only("pk", "result"):
        name = (stale.result or {}).get("file")
        if name and default_storage.exists(name):
            default_storage.delete(name)
        Job.objects.filter(pk=stale.pk).update(link="", result={"expired": True})
        count += 1
    return {"result": {"output": f"{count} PDF files deleted"}}


engine.kind("forget-pdfs", lambda: _("Old PDF files deleted"))(forget_old)
