"""A page asked for again inside a job, as the person who asked would see it.

A PDF or an export that takes too long for a request becomes a job whose arguments say
how to ask for the same page again (path, query, host, language: `spec`). The job builds
that request for the person and calls the page's own view, so the view's restriction,
the reader's language, calendar and digits are those of the person when the job runs,
not when it was queued (decisions 0020, 0026).
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
from django.core.handlers.wsgi import WSGIRequest
from django.db import models
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import Resolver404, get_script_prefix, resolve, set_script_prefix
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from zist.core import calendars
from zist.core.middleware import activate_preferences
from zist.jobs import engine
from zist.jobs.models import Job


def source_of(source) -> dict:
    """What to check again at download time: a record, or a model (a list)."""
    if isinstance(source, models.Model):
        return {"model": source._meta.label_lower, "pk": source.pk}
    if isinstance(source, type) and issubclass(source, models.Model):
        return {"model": source._meta.label_lower, "pk": None}
    return {}


def spec_of(request, source=None, **extra) -> dict:
    """How to ask for this request's page again in a job."""
    return {
        "path": request.path_info,
        "script": request.META.get("SCRIPT_NAME", ""),
        "query": request.META.get("QUERY_STRING", ""),
        "host": request.get_host(),
        "secure": request.is_secure(),
        "language": translation.get_language() or "en",
        "source": source_of(source),
        **extra,
    }


def key_of(kind: str, user, spec: dict) -> str:
    """One job for one person's same request: the engine's key."""
    digest = hashlib.sha256(json.dumps([user.pk, spec], sort_keys=True).encode()).hexdigest()
    return f"{kind}:{digest[:48]}"


class _Kept(BaseStorage):
    """Messages a view adds while rendering in a job: kept to explain a refusal."""

    def _get(self, *args, **kwargs):
        return [], True

    def _store(self, messages, response, *args, **kwargs):
        return []


def build_request(job: Job, spec: dict, **attributes) -> WSGIRequest:
    """The request `spec` describes, made by the job's person; `attributes` tell the
    view it runs in a job (`pdf_job`, `export_job`)."""
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
    for attribute, value in attributes.items():
        setattr(request, attribute, value)
    return request


def messages_of(request) -> str:
    """What the view said to the person (why it gave no file)."""
    return " ".join(str(message) for message in request._messages._queued_messages)


def call_view(request, spec: dict, *, refused: str, disallowed: str):
    """The view's response to `request`, in the person's calendar and digits. `refused`
    is the job's error when the view answers 404 or 403; `disallowed` (with %(host)s)
    when this worker does not serve the address the page was asked at. The caller
    has checked that the person may still sign in."""
    user = request.user
    try:
        match = resolve(spec["path"])
    except Resolver404:
        raise engine.JobError(_("This page is no longer there.")) from None
    prefix = get_script_prefix()
    before = calendars.active_calendar(), calendars.active_digits()
    set_script_prefix((spec.get("script") or "") + "/")
    activate_preferences(user, spec["language"])
    try:
        return match.func(request, *match.args, **match.kwargs)
    except (Http404, PermissionDenied):
        raise engine.JobError(refused) from None
    except DisallowedHost:
        # The web servers and the workers must be configured alike (ZIST_ALLOWED_HOSTS).
        raise engine.JobError(disallowed % {"host": spec["host"]}) from None
    finally:
        set_script_prefix(prefix)
        calendars.activate(*before)
        timezone.deactivate()


def filename_of(response, default: str) -> str:
    disposition = response.get("Content-Disposition", "")
    for part in disposition.split(";"):
        part = part.strip()
        if part.startswith("filename*=utf-8''"):
            return unquote(part[len("filename*=utf-8''") :])
        if part.startswith("filename="):
            return part[len("filename=") :].strip('"')
    return default


def may_see_source(user, job: Job) -> bool:
    """The person who asked, still allowed to see what the job's file shows: the
    record, or some records of the listed model (the list is restricted again by its
    view when the file is made; the file is theirs alone)."""
    if job.user_id is None or job.user_id != user.pk:
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
