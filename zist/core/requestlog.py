"""Request ids and structured logs.

Every request gets an id: the one the reverse proxy sent in `X-Request-ID` (nginx's
`$request_id`) when it looks like an id, else a new one. It is returned in the response's
`X-Request-ID`, carried by every log line written while the request runs (a logging
filter reads it from a context variable), handed to the background jobs the request
queues, and written by their worker's log lines too. One line per request
(`zist.request`, level INFO) gives method, path, status, duration and user id.

With ZIST_LOG_FORMAT=json each line is one JSON object (time, level, logger, message,
request_id, and the request's fields), for a log collector; otherwise plain text.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import re
import time
import uuid

# The proxy's id is used as given only when it is a plain token: a header is client
# input, and a log line must not be forged (new lines, quotes) through it.
VALID_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$")
HEADER = "X-Request-ID"

_current: contextvars.ContextVar[str] = contextvars.ContextVar("zist_request_id", default="")

access_log = logging.getLogger("zist.request")

# A password-reset link carries its token in the path; the log gets neither.
_RESET_TOKEN = re.compile(r"(/reset/)[^/]+/[^/]+")


def current() -> str:
    """The id of the request (or job) this code runs for; "" outside one."""
    return _current.get()


def activate(request_id: str):
    """Make `request_id` the current one; returns a token for `deactivate`."""
    return _current.set(request_id or "")


def deactivate(token) -> None:
    _current.reset(token)


def new_id() -> str:
    return uuid.uuid4().hex


def accepted(value: str | None) -> str:
    """The proxy's id if it is one, else a new id."""
    if value and VALID_ID.match(value):
        return value
    return new_id()


def loggable_path(path: str) -> str:
    return _RESET_TOKEN.sub(r"\1…", path)


class RequestIdMiddleware:
    """First in the chain: everything after it, and every log line, knows the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = accepted(request.META.get("HTTP_X_REQUEST_ID"))
        request.id = request_id
        token = activate(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request_id
            if access_log.isEnabledFor(logging.INFO):
                user = getattr(request, "user", None)
                access_log.info(
                    "%s %s %s",
                    request.method,
                    loggable_path(request.path),
                    response.status_code,
                    extra={
                        "method": request.method,
                        "path": loggable_path(request.path),
                        "status": response.status_code,
                        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                        "user_id": user.pk if user is not None and user.is_authenticated else None,
                    },
                )
            return response
        finally:
            deactivate(token)


class RequestIdFilter(logging.Filter):
    """Gives every record the current request id (attached to the handlers, so records
    of every logger, Django's and Celery's included, carry it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = current() or "-"
        return True


# Fields a record may carry beyond the standard ones, written when present.
FIELDS = ("method", "path", "status", "duration_ms", "user_id", "job_id", "job", "worker")


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        request_id = getattr(record, "request_id", None)
        if request_id in (None, "", "-"):
            request_id = current() or None
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id,
        }
        for name in FIELDS:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


TEXT_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"


def logging_config(fmt: str, level: str, access: bool) -> dict:
    """Django's LOGGING for ZIST_LOG_FORMAT (text|json), ZIST_LOG_LEVEL and
    ZIST_ACCESS_LOG."""
    formatter = (
        {"()": "zist.core.requestlog.JsonFormatter"} if fmt == "json" else {"format": TEXT_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "zist.core.requestlog.RequestIdFilter"}},
        "formatters": {"zist": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "zist",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # The access line replaces the server's own (gunicorn's has no request id).
            "zist.request": {"level": "INFO" if access else "WARNING"},
            # Its INFO lines are steps of every render, not events.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
