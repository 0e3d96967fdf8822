"""Pages beyond the generic register pages: entering figures, the workflow steps and
the benchmark. Each reads its records through `restrict`; the work is in services."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.core import numbers
from zist.core.exports import csv_safe
from zist.reporting import benchmark, charts, services, uploads
from zist.reporting.forms import FiguresForm, InviteForm, ReviewForm
from zist.reporting.models import Programme, Submission


def _problems(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [m for messages_ in error.message_dict.values() for m in messages_]
    return error.messages


@login_required
def figures(request, pk: int):
    """The organisation types its figures (any digits, its language's separators)."""
    submission = get_object_or_404(
        Submission.objects.restrict(request.user, "change").select_related("programme"), pk=pk
    )
    form = FiguresForm(request.POST or None, submission=submission)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                submission.reference_value = form.cleaned_data["reference_value"]
                submission.full_clean()
                submission.save()
                for kpi in form.kpis:
                    value = form.cleaned_data[f"value_{kpi.pk}"]
                    if value is None:
                        submission.figures.filter(kpi=kpi).delete()
                        continue
                    services.set_figure(
                        submission,
                        kpi,
                        value,
                        form.cleaned_data[f"unit_{kpi.pk}"],
                        source=_("Typed by %(user)s") % {"user": request.user},
                        change_comment=form.cleaned_data[f"comment_{kpi.pk}"],
                    )
        except ValidationError as error:
            for message in _problems(error):
                form.add_error(None, message)
        else:
            messages.success(request, _("The figures are saved."))
            return redirect(submission.get_absolute_url())
    return render(request, "reporting/figures.html", {"submission": submission, "form": form})


@login_required
@require_POST
def upload(request, pk: int):
    """The organisation uploads its figures as CSV or XLSX (see `uploads`)."""
    submission = get_object_or_404(Submission.objects.restrict(request.user, "change"), pk=pk)
    file = request.FILES.get("file")
    if file is None:
        messages.error(request, _("Choose a CSV or XLSX file."))
        return redirect(submission.get_absolute_url())
    try:
        found = uploads.upload_figures(submission, file)
    except ValidationError as error:
        for message in _problems(error):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(count)s figures read from the file.")
            % {"count": numbers.format_number(len(found))},
        )
    return redirect(submission.get_absolute_url())


STEPS = {"fill": "change", "submit": "change", "accept": "approve", "return": "approve"}


@login_required
@require_POST
def step(request, pk: int):
    """One workflow step from a button on the submission's page."""
    name = request.POST.get("step", "")
    if name not in STEPS:
        return redirect("reporting:submission_detail", pk=pk)
    submission = get_object_or_404(Submission.objects.restrict(request.user, STEPS[name]), pk=pk)
    try:
        if name == "fill":
            with transaction.atomic():
                filled = services.fill_from_indicators(submission, request.user)
            messages.success(
                request,
                _("%(count)s figures filled from your indicators.")
                % {"count": numbers.format_number(len(filled))},
            )
        elif name == "submit":
            services.submit(submission, request.user)
            messages.success(request, _("Submitted to the regulator."))
        else:
            form = ReviewForm(request.POST)
            comment = form.cleaned_data["comment"] if form.is_valid() else ""
            services.review(submission, request.user, name == "accept", comment)
            messages.success(
                request, _("Accepted.") if name == "accept" else _("Returned with your comment.")
            )
    except ValidationError as error:
        for message in _problems(error):
            messages.error(request, message)
    return redirect(submission.get_absolute_url())


@login_required
@require_POST
def invite(request, pk: int):
    """The regulator invites an organisation to report in one of the programme's sectors."""
    programme = get_object_or_404(Programme.objects.restrict(request.user, "change"), pk=pk)
    form = InviteForm(request.POST, programme=programme)
    if form.is_valid():
        services.invite(programme, form.cleaned_data["organisation"], form.cleaned_data["sector"])
        messages.success(request, _("Invited."))
    else:
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
    return redirect(programme.get_absolute_url())


# Rows of a ranking on the overview of many KPIs, and on one page of a full ranking.
TOP_ROWS = 10
RANKING_PAGE = 100


@login_required
def benchmark_page(request, pk: int):
    """Summaries, charts and rankings of a programme. The overview shows each ranking's
    first rows; one KPI in one sector shows its whole ranking, page by page."""
    programme = get_object_or_404(Programme.objects.restrict(request.user, "view"), pk=pk)
    named = benchmark.reviews(request.user, programme)
    sectors = list(programme.sectors.all())
    if not named:
        # An organisation chooses among its own sectors only.
        mine = benchmark.own_sectors(request.user, programme)
        sectors = [s for s in sectors if s.pk in mine]
    kpis = list(programme.kpis.all())
    sector = next((s for s in sectors if str(s.pk) == request.GET.get("sector", "")), None)
    kpi = next((k for k in kpis if str(k.pk) == request.GET.get("kpi", "")), None)
    results = benchmark.results(request.user, programme, sector, kpi)
    if request.GET.get("export") == "csv" and named:
        return _export(results)
    page = None
    if named and sector and kpi and results:
        page = Paginator(results[0].rows, RANKING_PAGE).get_page(request.GET.get("page"))
    rtl = get_language_bidi()
    for result in results:
        result.chart = charts.distribution(result, rtl=rtl)
        result.shown_rows = page.object_list if page else result.rows[:TOP_ROWS]
    return render(
        request,
        "reporting/benchmark.html",
        {
            "programme": programme,
            "sectors": sectors,
            "sector": sector,
            "kpis": kpis,
            "kpi": kpi,
            "results": results,
            "named": named,
            "page": page,
            "query": request.GET.urlencode(),
        },
    )


def _export(results) -> HttpResponse:
    """The regulator's export: one row per organisation, KPI and sector."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "sector",
            "kpi",
            "organisation",
            "value",
            "normalised",
            "unit",
            "rank",
            "band",
            "improvement_pct",
            "outlier",
        ]
    )
    for result in results:
        for row in result.rows:
            writer.writerow(
                [
                    csv_safe(result.sector.code),
                    csv_safe(result.kpi.code),
                    csv_safe(row.organisation),
                    row.value,
                    row.normalised,
                    csv_safe(result.unit),
                    row.rank,
                    row.band,
                    "" if row.improvement is None else round(row.improvement, 2),
                    csv_safe(row.outlier_reason),
                ]
            )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="benchmark.csv"'
    return response
