"""Reminders: which threshold an item has reached, and one digest e-mail per user
per run with the reminders not sent before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import ngettext

from zist.core import calendars, due
from zist.tasks.models import SentReminder

OVERDUE = "overdue"
DEFAULT_THRESHOLDS = (30, 7)


def thresholds_from_setting(value: str | None) -> tuple[int, ...]:
    """Days-before thresholds from a text such as "30,7" (empty: the defaults)."""
    from zist.users.models import reminder_thresholds

    if not value:
        return DEFAULT_THRESHOLDS
    return reminder_thresholds(value)


def configured_thresholds() -> tuple[int, ...]:
    return thresholds_from_setting(settings.ZIST_REMINDER_DAYS)


def reached_threshold(due_date: dt.date, today: dt.date, thresholds: Sequence[int]) -> str | None:
    """The tightest threshold an item due on `due_date` has reached today: "overdue"
    after its due date, else the smallest number of days-before not above the days
    left, else None (not yet time). A missed run is caught up by the next one: the
    item is then at a tighter threshold, which is sent instead."""
    if due_date < today:
        return OVERDUE
    left = (due_date - today).days
    reached = [days for days in thresholds if left <= days]
    return str(min(reached)) if reached else None


def reminders_for(user, today: dt.date, thresholds: Sequence[int]) -> list[tuple[due.DueItem, str]]:
    """The user's due items with the threshold each has reached (not yet filtered by
    what was sent)."""
    horizon = today + dt.timedelta(days=max(thresholds, default=0))
    found = []
    for item in due.collect(user, horizon):
        threshold = reached_threshold(item.due, today, thresholds)
        if threshold is not None:
            found.append((item, threshold))
    return found


def _claim(user, item: due.DueItem, threshold: str) -> int | None:
    """Record the reminder and return the record's id; None when it was already
    recorded (by this or another, concurrent run)."""
    try:
        with transaction.atomic():
            claim = SentReminder.objects.create(user=user, key=item.key[:200], threshold=threshold)
    except IntegrityError:
        return None
    return claim.pk


def send_digest(user, today: dt.date, thresholds: Sequence[int]) -> int:
    """Send the user one e-mail with every reminder due and not sent before; returns
    the number of reminders in it (0: no e-mail).

    The claims are committed first and the e-mail is sent outside any transaction: a
    slow mail server must not hold the database (on SQLite a write transaction locks
    it whole). If sending fails, the claims are released and the next run retries; a
    run killed between the commit and the sending loses that one e-mail rather than
    ever sending a reminder twice."""
    if not user.email or not user.is_active:
        return 0
    language = user.preferred_language
    with (
        translation.override(language),
        calendars.override(user.preferred_calendar, user.preferred_digits(language)),
    ):
        candidates = reminders_for(user, today, thresholds)
        if not candidates:
            return 0
        with transaction.atomic():
            claimed = [(item, t, _claim(user, item, t)) for item, t in candidates]
        fresh = [(item, t) for item, t, claim in claimed if claim is not None]
        if not fresh:
            return 0
        base = settings.ZIST_BASE_URL
        rows = [
            {
                "item": item,
                "overdue": threshold == OVERDUE,
                "days": (item.due - today).days,
                "late": (today - item.due).days,
                "days_text": calendars.localize_digits(str((item.due - today).days)),
                "late_text": calendars.localize_digits(str((today - item.due).days)),
                "date": calendars.format_date(item.due),
                "url": f"{base}{item.url}",
            }
            for item, threshold in fresh
        ]
        subject = ngettext("Zist: %(count)s item due", "Zist: %(count)s items due", len(rows)) % {
            "count": calendars.localize_digits(str(len(rows)))
        }
        body = render_to_string("tasks/reminder_email.txt", {"user": user, "rows": rows})
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
        except Exception:
            SentReminder.objects.filter(pk__in=[c for _i, _t, c in claimed if c]).delete()
            raise
    return len(fresh)


def send_reminders(today: dt.date, thresholds: Sequence[int] | None = None) -> dict[str, int]:
    """One run of `zist remind`: a digest for every active user with an address who
    wants reminders, at the days they chose (else `thresholds`, else the setting)."""
    from zist.users.models import User

    thresholds = tuple(thresholds) if thresholds is not None else configured_thresholds()
    sent = {"emails": 0, "reminders": 0}
    for user in (
        User.objects.filter(is_active=True, email_reminders=True)
        .exclude(email="")
        .select_related("home_unit__organisation")
    ):
        # The user's own days, else the run's.
        own = thresholds_from_setting(user.reminder_days) if user.reminder_days else None
        count = send_digest(user, today, own or thresholds)
        if count:
            sent["emails"] += 1
            sent["reminders"] += count
    return sent
