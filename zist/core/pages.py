"""Pages that are not registers: the home page (the person's work first) and the change
log."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.contrib.auth.decorators import login_required
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from zist.core import due
from zist.core.history import TYPE_LABELS, restrict_history
from zist.core.navigation import quick_entries
from zist.core.registry import registers

# The home page lists what is due within this many days (My tasks looks further).
HOME_HORIZON_DAYS = 7
HOME_ITEMS = 8


@login_required
def home(request):
    """The person's work first: what is overdue or due this week, what waits for
    their approval, quick entry for their units; the register index one tap away."""
    user = request.user
    grants = user.role_assignments.select_related("unit", "unit__organisation")
    organisation = user.organisation
    today = timezone.localdate()
    year = organisation.reporting_year(today) if organisation else None
    items = due.collect(user, today + dt.timedelta(days=HOME_HORIZON_DAYS))
    approvals = [item for item in items if item.approval]
    work = [item for item in items if not item.approval]
    return render(
        request,
        "core/home.html",
        {
            "work": work[:HOME_ITEMS],
            "more_work": max(0, len(work) - HOME_ITEMS),
            "overdue": sum(item.due < today for item in work),
            "approvals": approvals,
            "quick": quick_entries(user),
            "grants": grants,
            "organisation": organisation,
            "reporting_year": year,
            "today": timezone.localdate(),
            "recent": recent_changes(user, limit=10),
        },
    )


def recent_changes(user, limit: int = 50) -> list[dict]:
    """The latest changes the user may see, across every register: which they are is
    one query (the newest `limit` of each register's restricted history, merged by
    the database), then one query per register that made the list to read them."""
    regs = registers()
    latest = _latest_changes(regs, user, limit)
    wanted: dict[int, list[int]] = defaultdict(list)
    for index, history_id, _date in latest:
        wanted[index].append(history_id)
    records = {}
    for index, ids in wanted.items():
        model = regs[index].model
        # What __str__ reads, joined once and handed to the record as it was.
        related = sorted({name.split("__")[0] for name in getattr(model, "str_select_related", ())})
        history = model.history.filter(history_id__in=ids).select_related(
            "history_user", *getattr(model, "str_select_related", ())
        )
        for record in history:
            instance = record.history_object
            for name in related:
                setattr(instance, name, getattr(record, name))
            records[index, record.history_id] = (record, instance)
    rows = []
    for index, history_id, _date in latest:
        record, instance = records[index, history_id]
        reg = regs[index]
        rows.append(
            {
                "date": record.history_date,
                "user": record.history_user,
                "kind": TYPE_LABELS[record.history_type],
                "register_name": reg.model._meta.verbose_name,
                # The record as it was, without simple_history's English " as of <date>"
                # (the date has its own column).
                "label": str(instance),
                "url": reverse(reg.url_name("history"), args=[record.id]),
            }
        )
    return rows


def _latest_changes(regs, user, limit: int) -> list[tuple[int, int, object]]:
    """(register index, history id, date) of the newest `limit` changes the user may
    see: each register's restricted history, newest first and cut at `limit`, merged
    with UNION ALL in one statement."""
    parts, params = [], []
    for index, reg in enumerate(regs):
        history = (
            restrict_history(reg.model.history.all(), user, reg.model)
            .order_by("-history_date", "-history_id")
            .values_list("history_id", "history_date")[:limit]
        )
        try:
            sql, part_params = history.query.sql_with_params()
        except EmptyResultSet:
            continue  # nothing of this register is in the user's view
        parts.append(f"SELECT {index} AS register, h.* FROM ({sql}) h")
        params.extend(part_params)
    if not parts:
        return []
    statement = " UNION ALL ".join(parts) + " ORDER BY 3 DESC, 2 DESC LIMIT %s"
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, limit])
        return cursor.fetchall()


@login_required
def change_log(request):
    return render(request, "core/change_log.html", {"rows": recent_changes(request.user, 100)})
