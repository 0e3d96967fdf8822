"""Pages beyond the generic register pages: the green accounts."""

from __future__ import annotations

import csv
import io

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from openpyxl import Workbook

from zist.core import calendars
from zist.core.exports import FORMATS, csv_safe, xlsx_safe
from zist.indicators import accounts, charts
from zist.indicators.rollups import current_year_label


def chosen_unit_and_year(request):
    """The unit (one the user may see) and reporting year asked for, with defaults:
    the user's home unit and the last complete reporting year. 404 outside scope."""
    from zist.organisations.models import Unit

    units = Unit.objects.restrict(request.user, "view").filter(archived=False)
    wanted = calendars.to_latin_digits(request.GET.get("unit", "")).strip()
    if wanted:
        root = units.filter(pk=wanted).first() if wanted.isdecimal() and len(wanted) < 19 else None
    else:
        # The widest unit the user may see: a manager of Region 2 starts at the region.
        root = units.order_by("depth", "path").first()
    if root is None:
        raise Http404
    root = Unit.objects.select_related("organisation").get(pk=root.pk)
    latest = current_year_label(root.organisation, timezone.localdate())
    text = calendars.to_latin_digits(request.GET.get("year", "")).strip()
    year = int(text) if text.isdecimal() and len(text) < 7 else latest - 1
    if not latest - 30 <= year <= latest:
        raise Http404
    return units, root, year, latest


@login_required
def green_accounts(request):
    units, root, year, latest = chosen_unit_and_year(request)
    data = accounts.green_accounts(request.user, root, year)
    fmt = request.GET.get("export")
    if fmt in FORMATS:
        return _export(data, fmt)
    rtl = get_language_bidi()
    for theme in data["themes"]:
        for row in theme["rows"]:
            name = row["indicator"].localized_name
            row["trend_chart"] = charts.bar_chart(
                [(calendars.localize_digits(str(y)), v) for y, v in row["trend"]],
                name,
                rtl=rtl,
                target=row["target"],
                highlight_last=True,
            )
            if row["breakdown"]:
                row["breakdown_chart"] = charts.bar_chart(
                    [(child.name, v) for child, v in row["breakdown"]], name, rtl=rtl
                )
    return render(
        request,
        "indicators/green_accounts.html",
        {
            "data": data,
            "units": units.select_related("organisation")[:500],
            "years": list(range(latest, latest - 10, -1)),
            "query": request.GET.urlencode(),
        },
    )


def _export(data: dict, fmt: str):
    header, rows = accounts.as_rows(data)
    name = f"green-accounts-{data['root'].code or data['root'].pk}-{data['year']}.{fmt}"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([csv_safe(value) for value in header])
        writer.writerows([csv_safe(value) for value in row] for row in rows)
        response = StreamingHttpResponse(
            iter(["\ufeff", buffer.getvalue()]), content_type="text/csv; charset=utf-8"
        )
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_("Green accounts")[:31])
        sheet.append(xlsx_safe(sheet, header))
        for row in rows:
            sheet.append(xlsx_safe(sheet, row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
