"""Per-request preferences (calendar, digits, time zone) and security headers."""

from __future__ import annotations

import zoneinfo

from django.utils import timezone, translation

from zist.core import calendars


class UserPreferencesMiddleware:
    """Activate the user's calendar, digits and time zone for templates, forms and
    exports. Defaults come from the user's organisation, then from the language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language() or "en"
        user = getattr(request, "user", None)
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
        return self.get_response(request)


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
