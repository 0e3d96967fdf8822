"""Per-request preferences (calendar, digits, time zone), security headers and the
log of access refusals."""

from __future__ import annotations

import logging
import re
import zoneinfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from zist.core import calendars


class UserPreferencesMiddleware:
    """Activate the user's calendar, digits and time zone for templates, forms and
    exports. Defaults come from the user's organisation, then from the language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        activate_preferences(getattr(request, "user", None), translation.get_language() or "en")
        return self.get_response(request)


def activate_preferences(user, language: str) -> None:
    """The calendar, digits and time zone of `user` reading in `language` (also used by
    a background job that renders a page for its user)."""
    if user is not None and user.is_authenticated:
        calendar = user.preferred_calendar
        digits = user.preferred_digits(language)
        organisation = user.organisation
        zone = organisation.time_zone if organisation else None
    else:
        calendar = calendars.JALALI if language == "fa" else calendars.GREGORIAN
        digits = calendars.PERSIAN_DIGITS if language == "fa" else calendars.LATIN_DIGITS
        zone = None
    calendars.activate(calendar, digits)
    if zone:
        timezone.activate(zoneinfo.ZoneInfo(zone))
    else:
        timezone.deactivate()


class ContentSecurityPolicyMiddleware:
    """Only our own scripts, styles, images and fonts: a page that tried to load
    anything from another host would be blocked (and Zist must work offline)."""

    POLICY = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
        "form-action 'self'; object-src 'none'"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Content-Security-Policy", self.POLICY)
        return response


security_log = logging.getLogger("zist.security")

# Refusals logged whatever raised them: not logged in (401), refused (403), a stale
# version (412). A 404 is logged only when it hid an existing record (note_refusal).
REFUSED = frozenset({401, 403, 412})
# A password-reset link carries its token in the path; the log gets neither.
_RESET_TOKEN = re.compile(r"(/reset/)[^/]+/[^/]+")


def note_refusal(request, model, pk, action: str) -> None:
    """Mark a 404 as a refusal when the record exists but lies outside the user's scope
    for `action` (checked only on this rare path, so lists pay nothing)."""
    try:
        exists = model._base_manager.filter(pk=pk).exists()
    except (ValueError, TypeError, OverflowError, ValidationError):
        return
    if exists:
        request.zist_refusal = f"{model._meta.label_lower} {pk} outside the user's {action} scope"


class RefusalLogMiddleware:
    """Log every access refusal to the `zist.security` logger with the user, method,
    path and reason; never a password, token or query string. Placed after the
    authentication middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        status = response.status_code
        if status in REFUSED or (status == 404 and getattr(request, "zist_refusal", None)):
            user = getattr(request, "user", None)
            name = user.get_username() if user is not None and user.is_authenticated else ""
            security_log.warning(
                "access refused: status=%s user=%r method=%s path=%s reason=%s",
                status,
                name,
                request.method,
                _RESET_TOKEN.sub(r"\1…", request.path),
                getattr(request, "zist_refusal", None) or _reason(response),
            )
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            request.zist_refusal = str(exception) or "permission denied"


def _reason(response) -> str:
    """DRF's explanation of its refusal, else the status phrase."""
    data = getattr(response, "data", None)
    if isinstance(data, dict) and data.get("detail"):
        return str(data["detail"])
    return response.reason_phrase
