"""Pages beyond the generic register pages: the reading import and the readings grid."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from zist.core import numbers
from zist.core.exports import FORMATS
from zist.core.views import can
from zist.meters import grid, imports
from zist.meters.forms import ReadingImportForm
from zist.meters.models import ImportBatch, ImportSource, Reading


@login_required
def import_readings(request):
    """Upload a CSV/XLSX of readings: all rows or none, the same file twice stores one
    copy, and the columns are remembered for the source."""
    if not can(request.user, Reading, "add"):
        raise PermissionDenied
    fmt = request.GET.get("template")
    if fmt in FORMATS:
        content, content_type = imports.template(fmt)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="readings-template.{fmt}"'
        return response
    report = None
    status = 200
    form = ReadingImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        unit = form.cleaned_data["unit"]
        source = form.cleaned_data["source"]
        if upload.size is not None and upload.size > settings.ZIST_IMPORT_BACKGROUND_BYTES:
            return _queue(request, form, upload, unit, source)
        try:
            report = imports.import_readings(
                upload,
                upload.name,
                unit,
                user=request.user,
                mapping=form.mapping(),
                source=source,
                decimal_comma=form.cleaned_data["decimal_comma"],
            )
        except imports.ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            if report.ok:
                _remember(form, unit, source, request.user)
                messages.success(
                    request,
                    _("Imported %(created)s new readings; %(skipped)s were already present.")
                    % {
                        "created": numbers.format_number(report.created),
                        "skipped": numbers.format_number(report.skipped),
                    },
                )
                return HttpResponseRedirect(reverse("meters:reading_upload"))
        status = 400
    elif request.method == "POST":
        status = 400
    batches = ImportBatch.objects.restrict(request.user, "view").select_related(
        "unit", "user", "source"
    )[:20]
    return render(
        request,
        "meters/reading_import.html",
        {"form": form, "report": report, "batches": batches, "formats": FORMATS},
        status=status,
    )


def _queue(request, form, upload, unit, source):
    """A large file: a worker imports it (every row or none, as here); the person
    follows it on the job's page. The columns typed are remembered now."""
    from zist.jobs import enqueue
    from zist.jobs.kinds import store_upload

    _remember(form, unit, source, request.user)
    job = enqueue(
        "import-readings",
        unit.pk,
        store_upload(upload),
        upload.name,
        form.mapping(),
        source.pk if source else None,
        form.cleaned_data["decimal_comma"],
        user=request.user,
    )
    messages.success(request, _("The file is being imported in the background."))
    return HttpResponseRedirect(reverse("jobs:job_detail", args=[job.uuid]))


def _remember(form, unit, source, user) -> None:
    """Keep the columns typed for this file on its source (new or chosen)."""
    mapping = form.mapping()
    name = form.cleaned_data.get("new_source")
    if source is None and name:
        if not ImportSource.objects.restrict(user, "view").filter(unit=unit, name=name).exists():
            if can(user, ImportSource, "add"):
                source = ImportSource(unit=unit, name=name)
    if source is None or not (mapping or source.pk is None):
        return
    if source.pk and not ImportSource.objects.restrict(user, "change").filter(pk=source.pk):
        return
    for key, value in mapping.items():
        setattr(source, f"{key}_column", value)
    source.decimal_comma = form.cleaned_data["decimal_comma"] or source.decimal_comma
    source.save()


@login_required
def reading_grid(request):
    """Enter a period of readings for all meters of a unit on one page: a month of
    daily values (`year`, `month` in the user's calendar) or one day (`day=today`)."""
    if not can(request.user, Reading, "add"):
        raise PermissionDenied
    units = grid.grid_units(request.user)
    unit = units.filter(pk=_int(request.GET.get("unit"))).first() or units.first()
    today = timezone.localdate()
    single = request.GET.get("day") == "today"
    month = grid.Month.parse(request.GET.get("year"), request.GET.get("month"))
    month = month or grid.Month.containing(today)
    days = [today] if single else month.days()
    sheet = None
    status = 200
    if unit is not None:
        data = request.POST if request.method == "POST" else None
        time = grid.parse_time(request.GET.get("time", ""))
        sheet = grid.Grid(request.user, unit, days, data, time)
        if request.method == "POST":
            if sheet.is_valid():
                try:
                    count = sheet.save()
                except grid.GridConflict:
                    pass  # the cells name what changed; shown again with its versions
                except PermissionDenied:
                    messages.error(request, _("You may not place this record outside your units."))
                else:
                    messages.success(
                        request,
                        _("Saved %(count)s readings.") % {"count": numbers.format_number(count)},
                    )
                    # The same grid again, at the time just used, showing what is stored.
                    query = request.GET.copy()
                    query["time"] = sheet.time.strftime("%H:%M")
                    return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
            status = 400
    elif request.method == "POST":
        status = 400
    base = {"unit": unit.pk} if unit else {}
    return render(
        request,
        "meters/reading_grid.html",
        {
            "units": units,
            "unit": unit,
            "grid": sheet,
            "single": single,
            "month": month,
            "today": today,
            "previous_query": urlencode({**base, **month.shift(-1).query()}),
            "next_query": urlencode({**base, **month.shift(1).query()}),
            "month_query": urlencode({**base, **grid.Month.containing(today).query()}),
            "today_query": urlencode({**base, "day": "today"}),
        },
        status=status,
    )


def _int(text) -> int | None:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None
