"""My tasks, and the calendar feed (reachable without a login through its secret)."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.core import due
from zist.tasks import ical
from zist.tasks.models import CalendarFeed

# How far ahead the page and the feed look.
HORIZON_DAYS = 90
FEED_HORIZON_DAYS = 400


@login_required
def my_tasks(request):
    """Everything due for the user across Zist, overdue first."""
    today = timezone.localdate()
    items = due.collect(request.user, today + dt.timedelta(days=HORIZON_DAYS))
    week = today + dt.timedelta(days=7)
    groups = [
        (_("Overdue"), [i for i in items if i.due < today]),
        (_("Due within a week"), [i for i in items if today <= i.due <= week]),
        (_("Later"), [i for i in items if i.due > week]),
    ]
    return render(
        request,
        "tasks/my_tasks.html",
        {
            "groups": groups,
            "count": len(items),
            "today": today,
            "has_feed": CalendarFeed.objects.filter(user=request.user).exists(),
            "feed_url": request.session.pop("tasks_feed_url", None),
        },
    )


@login_required
@require_POST
def feed_address(request):
    """Make a new secret feed address (revoking the old one), or revoke it."""
    if request.POST.get("revoke"):
        CalendarFeed.revoke(request.user)
        messages.success(request, _("The calendar address was revoked."))
    else:
        secret = CalendarFeed.issue(request.user)
        url = request.build_absolute_uri(reverse("tasks:feed", args=[secret]))
        # Shown once, on the next page: only a digest is stored.
        request.session["tasks_feed_url"] = url
    return HttpResponseRedirect(reverse("tasks:my_tasks"))


def feed(request, secret: str):
    """The user's due items as an iCalendar file; the secret is the credential."""
    user = CalendarFeed.user_for(secret)
    if user is None:
        raise Http404
    today = timezone.localdate()
    with translation.override(user.preferred_language):
        items = due.collect(user, today + dt.timedelta(days=FEED_HORIZON_DAYS))
        events = [
            {
                "uid": f"{item.key}@zist",
                "date": item.due,
                "summary": item.title,
                "description": " · ".join(filter(None, [str(item.kind), item.unit])),
                "url": request.build_absolute_uri(item.url) if item.url else "",
            }
            for item in items
        ]
        body = ical.calendar(events, _("Zist tasks"), timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="zist-tasks.ics"'
    response["Cache-Control"] = "private, max-age=300"
    return response
