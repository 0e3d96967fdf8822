"""Pages that are not registers: the home page and the change log."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from zist.core.history import TYPE_LABELS, restrict_history
from zist.core.registry import registers


@login_required
def home(request):
    user = request.user
    grants = user.role_assignments.select_related("unit", "unit__organisation")
    organisation = user.organisation
    year = organisation.reporting_year(timezone.localdate()) if organisation else None
    return render(
        request,
        "core/home.html",
        {
            "grants": grants,
            "organisation": organisation,
            "reporting_year": year,
            "today": timezone.localdate(),
            "recent": recent_changes(user, limit=10),
        },
    )


def recent_changes(user, limit: int = 50) -> list[dict]:
    """The latest changes the user may see, across every register (one query each)."""
    rows = []
    for reg in registers():
        history = restrict_history(reg.model.history.all(), user, reg.model)
        for record in history.select_related("history_user").order_by("-history_date")[:limit]:
            rows.append(
                {
                    "date": record.history_date,
                    "user": record.history_user,
                    "kind": TYPE_LABELS[record.history_type],
                    "register_name": reg.model._meta.verbose_name,
                    # The record as it was, without simple_history's English " as of <date>"
                    # (the date has its own column).
                    "label": str(record.history_object),
                    "url": reverse(reg.url_name("history"), args=[record.id]),
                }
            )
    rows.sort(key=lambda row: row["date"], reverse=True)
    return rows[:limit]


@login_required
def change_log(request):
    return render(request, "core/change_log.html", {"rows": recent_changes(request.user, 100)})
