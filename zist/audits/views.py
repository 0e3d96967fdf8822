"""Audit pages beyond the generic register pages: the checklist to fill in on a
phone, the printable report, the multi-site sampling calculator and planning a
programme's audits by risk."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from zist.audits import dashboard as dashboards
from zist.audits import sampling, services
from zist.audits.forms import ChecklistAnswerForm
from zist.audits.models import Audit, AuditProgramme, Finding
from zist.core import calendars, concurrency
from zist.organisations.models import Unit, UnitKind


@login_required
def checklist(request, pk: int):
    """Every question of the audit with its result and notes, saved together. Each row
    carries its version: a row someone else changed since the page was opened is not
    overwritten (the page shows both answers and keeps what was typed)."""
    audit = get_object_or_404(Audit.objects.restrict(request.user, "view"), pk=pk)
    may_change = Audit.objects.restrict(request.user, "change").filter(pk=pk).exists()
    status, conflict = 200, None
    with transaction.atomic():
        items = audit.checklist.select_related("clause", "clause__library")
        if request.method == "POST" and may_change:
            items = items.select_for_update(of=("self",))
        items = list(items)
        stored = [copy.copy(item) for item in items]
        data = request.POST if request.method == "POST" and may_change else None
        forms = [
            ChecklistAnswerForm(data, instance=item, prefix=f"item-{item.pk}") for item in items
        ]
        versions = [_version(form, item, data) for form, item in zip(forms, items, strict=True)]
        if data is not None:
            status = 400
            if all(form.is_valid() for form in forms):
                conflict = _checklist_conflict(forms, stored, versions, data)
                if conflict is None:
                    for form in forms:
                        if form.has_changed():
                            form.save()
                    messages.success(request, _("Saved %(object)s.") % {"object": audit})
                    return HttpResponseRedirect(request.path)
                status = 409
    return render(
        request,
        "audits/checklist.html",
        {
            "audit": audit,
            "rows": list(zip(items, forms, versions, strict=True)),
            "may_change": may_change,
            "conflict": conflict,
            "version_field": concurrency.FIELD,
        },
        status=status,
    )


def _version(form, item, data) -> str:
    """The row's version as sent with the page, or as stored when the page is new."""
    if data is not None:
        return concurrency.submitted_token(form, data)
    return concurrency.page_token(item, concurrency.form_fields(form))


def _checklist_conflict(forms, stored, versions, data):
    """One conflict naming every answer someone else changed since the page was opened;
    the rows in conflict carry their new version, so saving again is deliberate."""
    found = concurrency.Conflict()
    for index, (form, item) in enumerate(zip(forms, stored, strict=True)):
        try:
            concurrency.check_form(form, versions[index], item)
        except concurrency.Conflict as exc:
            versions[index] = exc.token
            for change in exc.changes:
                change.label = f"{item.question} · {change.label}"
            found.changes += exc.changes
    return found if found.changes else None


@login_required
def report(request, pk: int):
    """The audit report: scope, team, summary, strengths, checklist results and
    findings, laid out for printing."""
    audit = get_object_or_404(Audit.objects.restrict(request.user, "view"), pk=pk)
    findings = Finding.objects.restrict(request.user, "view").filter(audit=audit)
    return render(
        request,
        "audits/report.html",
        {
            "audit": audit,
            "findings": findings.select_related("unit", "clause", "nonconformity"),
            "counts": services.findings_by_grade(findings),
            "items": audit.checklist.select_related("clause", "clause__library"),
        },
    )


def _site_history(unit) -> list[sampling.Site]:
    """The unit's direct subunits as sites, with the date each was last audited.
    Offices under the unit (an environment office) belong to the central function."""
    sites = []
    children = unit.children.filter(archived=False).exclude(kind=UnitKind.OFFICE)
    for child in children.order_by("name"):
        last = (
            Audit.objects.done()
            .filter(scope_units=child)
            .order_by("-start_date")
            .values_list("start_date", flat=True)
            .first()
        )
        sites.append(sampling.Site(child.pk, child.name, last))
    return sites


@login_required
def sampling_page(request):
    """Multi-site sampling for a unit: its subunits are the sites, the unit itself the
    central function audited every time."""
    units = Unit.objects.restrict(request.user, "view").filter(archived=False)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = units.filter(pk=request.GET["unit"]).first()
    context = {"units": units, "unit": unit}
    if unit is not None:
        sites = _site_history(unit)
        n = len(sites)
        context.update(
            sites=sites,
            sizes=[
                (_("Initial audit"), sampling.sample_size(n, sampling.INITIAL)),
                (_("Surveillance"), sampling.sample_size(n, sampling.SURVEILLANCE)),
                (_("Recertification"), sampling.sample_size(n, sampling.RECERTIFICATION)),
            ],
            plan=list(
                zip(
                    [
                        _("Initial audit"),
                        _("Surveillance 1"),
                        _("Surveillance 2"),
                        _("Recertification"),
                    ],
                    sampling.rotation_plan(sites),
                    strict=True,
                )
            ),
            next_surveillance=sampling.propose_sites(sites, sampling.SURVEILLANCE),
        )
    return render(request, "audits/sampling.html", context)


def programme_context(programme, user) -> dict:
    """What the programme page shows below the fields: progress, audits and the
    risk-based interval of each unit."""
    since = services.risk_window_start(timezone.localdate())
    units = services.programme_units(programme)
    return {
        "progress": services.programme_progress(programme),
        "programme_audits": programme.audits.restrict(user, "view").select_related(
            "unit", "lead_auditor"
        ),
        "risks": [services.unit_risk(unit, since) for unit in units],
        "may_plan": bool(services.units_open_for_audit(user, units)),
    }


@login_required
def programme_overview(request, pk: int):
    programme = get_object_or_404(AuditProgramme.objects.restrict(request.user, "view"), pk=pk)
    return render(
        request,
        "audits/programme_overview.html",
        {"programme": programme, **programme_context(programme, request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def programme_plan(request, pk: int):
    """Plan the programme's audits by risk: the plan to confirm (GET), then the
    audits created (POST). Only units where the user may add audits are planned."""
    programme = get_object_or_404(
        AuditProgramme.objects.restrict(request.user, "view").select_related("unit__organisation"),
        pk=pk,
    )
    if request.method == "POST":
        created = services.create_planned_audits(programme, request.user)
        if created:
            messages.success(
                request,
                ngettext("Planned %(count)s audit.", "Planned %(count)s audits.", len(created))
                % {"count": calendars.localize_digits(str(len(created)))},
            )
        else:
            messages.info(request, _("No new audits to plan."))
        return HttpResponseRedirect(reverse("audits:programme_overview", args=[programme.pk]))
    plan = services.risk_plan(programme, request.user)
    return render(request, "audits/programme_plan.html", {"programme": programme, "plan": plan})


@login_required
def dashboard(request):
    """Open findings, overdue actions, certificates and programme progress for the
    chosen unit's subtree (the user's first unit by default)."""
    units = Unit.objects.restrict(request.user, "view").filter(archived=False)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = units.filter(pk=request.GET["unit"]).first()
    if unit is None:
        unit = units.order_by("depth", "path").first()
    context = {"units": units, "unit": unit, "today": timezone.localdate()}
    if unit is not None:
        context.update(dashboards.dashboard(request.user, unit, timezone.localdate()))
    return render(request, "audits/dashboard.html", context)
