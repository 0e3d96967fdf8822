"""Throttling of password guessing (and of password-reset mail), per account and per
client, counted atomically in the database so that every app server sees the same
count and concurrent guesses are counted one by one.

Each attempt is counted *before* the password is checked, under every key it falls
under, in one transaction holding the keys' rows locked: of 40 guesses sent at once,
only as many as the limit allow reach the password hasher. A successful login then
takes its attempt back. The keys (docs/security.md explains the choice):

- `client:<address>`: every attempt from one client address, whatever the account
  (ZIST_LOGIN_CLIENT_MAX_FAILURES). Stops one machine guessing many accounts; refuses
  that client only, never the account for others.
- `account:<username>`: attempts on one account from browsers that have never logged
  into it (ZIST_LOGIN_MAX_FAILURES). Stops guessing one account from many addresses.
- `device:<id>`: attempts on one account from a browser that has logged into it before
  (a signed "device cookie", OWASP's defence against lock-out attacks), with the same
  limit. Such a browser does not count under `account:` and is not refused by it, so
  an attacker guessing an account cannot lock its owner out of their own browser.

A window (ZIST_LOGIN_LOCKOUT_MINUTES) starts at a key's first attempt; when the limit is
used up, that key is refused until the window ends.
"""

from __future__ import annotations

import ipaddress
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from zist.users.models import LoginFailure, LoginThrottle

log = logging.getLogger("zist.security")

DEVICE_COOKIE = "zist_device"
DEVICE_SALT = "zist.users.throttle.device"
DEVICE_DAYS = 180


@dataclass(frozen=True)
class Limit:
    key: str
    limit: int


def lockout_minutes() -> int:
    return settings.ZIST_LOGIN_LOCKOUT_MINUTES


def client_ip(request) -> str | None:
    """The client's address. Behind a proxy (ZIST_BEHIND_PROXY=1) that is the entry the
    proxies appended to X-Forwarded-For: with ZIST_PROXY_COUNT proxies in front of Zist
    (default 1), the Nth from the right. Entries further left were sent by the client
    and could be anything, so they are never read. Without a configured proxy the
    header is ignored and the connection's address is used."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR")
    if settings.ZIST_BEHIND_PROXY:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        count = max(settings.ZIST_PROXY_COUNT, 1)
        if len(hops) >= count:
            address = hops[-count]
    try:
        return str(ipaddress.ip_address(address)) if address else None
    except ValueError:
        return None


def known_device(request, username: str) -> str | None:
    """The id of this browser's device cookie when it was issued for `username`."""
    if request is None or not username:
        return None
    try:
        value = request.get_signed_cookie(
            DEVICE_COOKIE, salt=DEVICE_SALT, max_age=timedelta(days=DEVICE_DAYS)
        )
    except (KeyError, signing.BadSignature):
        return None
    device, _sep, owner = value.partition(":")
    return device if device and owner == username.lower() else None


def remember_device(response, username: str) -> None:
    """Mark this browser as one that proved it knows `username`'s password (or mailbox)."""
    response.set_signed_cookie(
        DEVICE_COOKIE,
        f"{secrets.token_urlsafe(16)}:{username.lower()}",
        salt=DEVICE_SALT,
        max_age=DEVICE_DAYS * 24 * 3600,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def login_limits(request, username: str) -> list[Limit]:
    """The keys a login attempt for `username` from `request` is counted under."""
    limits = []
    address = client_ip(request)
    if address:
        limits.append(Limit(f"client:{address}", settings.ZIST_LOGIN_CLIENT_MAX_FAILURES))
    if device := known_device(request, username):
        limits.append(Limit(f"device:{device}", settings.ZIST_LOGIN_MAX_FAILURES))
    else:
        limits.append(Limit(f"account:{username.lower()}", settings.ZIST_LOGIN_MAX_FAILURES))
    return limits


def reserve(limits: list[Limit], minutes: int | None = None) -> bool:
    """Count one attempt under every key, all or none. False (and nothing counted) when
    any key has used up its limit in its current window.

    The rows are locked in key order (no deadlock between two requests); on SQLite,
    where SELECT … FOR UPDATE does nothing, the IMMEDIATE transaction does the same by
    taking the database's write lock at its start."""
    window = timedelta(minutes=lockout_minutes() if minutes is None else minutes)
    now = timezone.now()
    keys = sorted({limit.key for limit in limits})
    with transaction.atomic():
        LoginThrottle.objects.bulk_create(
            [LoginThrottle(key=key, window_start=now) for key in keys], ignore_conflicts=True
        )
        rows = {
            row.key: row
            for row in LoginThrottle.objects.select_for_update()
            .filter(key__in=keys)
            .order_by("key")
        }
        for row in rows.values():
            if row.window_start <= now - window:
                row.attempts, row.window_start = 0, now
        if any(rows[limit.key].attempts >= limit.limit for limit in limits):
            return False
        for row in rows.values():
            row.attempts += 1
            row.save(update_fields=["attempts", "window_start"])
    return True


def succeeded(limits: list[Limit]) -> None:
    """A login that succeeded was no failure. The account's (or browser's) count starts
    again; the client's only takes this attempt back, so that logging into an account of
    one's own does not clear a count of guesses at others."""
    with transaction.atomic():
        for limit in limits:
            rows = LoginThrottle.objects.filter(key=limit.key)
            if limit.key.startswith("client:"):
                rows.filter(attempts__gt=0).update(attempts=F("attempts") - 1)
            else:
                rows.delete()


def forget_account(username: str) -> None:
    """The password changed: earlier guesses at the old one say nothing any more."""
    LoginThrottle.objects.filter(key=f"account:{username.lower()}").delete()


def record_failure(request, username: str, reason: str) -> None:
    """Keep a failed login a day (LoginFailure) and log it; never the password."""
    address = client_ip(request)
    LoginFailure.objects.create(username=username[:150], ip_address=address)
    # Old failures say nothing any more; keep the table small.
    day_ago = timezone.now() - timedelta(days=1)
    LoginFailure.objects.filter(at__lt=day_ago).delete()
    LoginThrottle.objects.filter(window_start__lt=day_ago).delete()
    log.warning(
        "login refused: user=%r client=%s path=%s reason=%s",
        username[:150],
        address,
        request.path if request is not None else "",
        reason,
    )
