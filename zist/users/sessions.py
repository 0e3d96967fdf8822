"""Idle and absolute session timeouts (ASVS 3.3.2): a session ends after
ZIST_SESSION_IDLE_MINUTES without a request, and ZIST_SESSION_MAX_HOURS after its login
however busy. Django alone only has the cookie's age, which every save extends."""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

from zist.users.signals import LOGIN_AT

log = logging.getLogger("zist.security")

SEEN_AT = "zist_seen_at"
# Last-seen time is written at most this often, not on every request.
SEEN_RESOLUTION = 60


class SessionTimeoutMiddleware:
    """Log out a session that has been idle or open too long; placed after the
    authentication and message middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            self._check(request)
        return self.get_response(request)

    def _check(self, request) -> None:
        session, now = request.session, time.time()
        login_at = session.setdefault(LOGIN_AT, now)
        seen_at = session.get(SEEN_AT, now)
        reason = None
        if now - login_at > settings.ZIST_SESSION_MAX_HOURS * 3600:
            reason = "absolute"
            text = _("You were logged out %(hours)s hours after logging in. Log in again.") % {
                "hours": settings.ZIST_SESSION_MAX_HOURS
            }
        elif now - seen_at > settings.ZIST_SESSION_IDLE_MINUTES * 60:
            reason = "idle"
            text = _(
                "You were logged out after %(minutes)s minutes without activity. Log in again."
            ) % {"minutes": settings.ZIST_SESSION_IDLE_MINUTES}
        if reason is None:
            if SEEN_AT not in session or now - seen_at >= SEEN_RESOLUTION:
                session[SEEN_AT] = now
            return
        log.info(
            "session expired: user=%r path=%s reason=%s timeout",
            request.user.get_username(),
            request.path,
            reason,
        )
        logout(request)
        messages.info(request, text)
