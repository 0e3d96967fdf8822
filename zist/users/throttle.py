"""Login throttling: after N failures for a username or an address within the lockout
window, further attempts are refused until the window passes. Kept in the database so
every app server sees the same count."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from zist.users.models import LoginFailure


def lockout_minutes() -> int:
    return settings.ZIST_LOGIN_LOCKOUT_MINUTES


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def is_locked(username: str, ip: str | None) -> bool:
    since = timezone.now() - timedelta(minutes=lockout_minutes())
    match = Q(username__iexact=username) if username else Q(pk__in=[])
    if ip:
        match |= Q(ip_address=ip)
    return LoginFailure.objects.filter(match, at__gte=since).count() >= (
        settings.ZIST_LOGIN_MAX_FAILURES
    )


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip_address=ip)
    # Old failures say nothing any more; keep the table small.
    LoginFailure.objects.filter(at__lt=timezone.now() - timedelta(days=1)).delete()
