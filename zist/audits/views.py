"""Audit pages beyond the generic register pages: the checklist to fill in on a
phone, the printable report, the multi-site sampling calculator and planning a
programme's audits by risk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from zist.audits import checklist as checklist_services
from zist.audits import dashboard as dashboards
from zist.audits import sampling, services
from zist.audits.forms import ChecklistAnswerForm, FindingFromAnswerForm
from zist.audits.models import Audit, AuditProgramme, ChecklistItem, Finding
from zist.core import calendars
from zist.core.forms import add_validation_error
from zist.core.pdf import pdf_response, wants_pdf
from zist.organisations.models import Unit, UnitKind


@login_required
@require_http_methods(["GET", "POST"])
def checklist(request, pk: int):
    """Every question of the audit with its result and notes; the team records the
    answers it changed, all or nothing, and may go on to raise a finding from one."""
    audit = get_object_or_404(
        Audit.objects.restrict(request.user, "view").select_related("unit"), pk=pk
    )
    may_record = checklist_services.may_record(request.user, audit)
    if request.method == "POST" and not may_record:
        raise PermissionDenied(_("Only the audit team records this checklist."))
    items = list(
        audit.checklist.select_related("clause", "clause__library").prefetch_related(
            Prefetch("findings", queryset=Finding.objects.restrict(request.user, "view"))
        )
    )
    data = request.POST if request.method == "POST" else None
    forms = [ChecklistAnswerForm(data, item=item) for item in items]
    if data is not None:
        sent = [form for form in forms if form.sent]
        if all([form.is_valid() for form in sent]):
            try:
                saved = checklist_services.save_answers(
                    audit, request.user, [form.answer() for form in sent]
                )
            except ValidationError as error:
                for form in sent:
                    for message in error.message_dict.get(str(form.item.pk), []):
                        form.add_error(None, message)
            else:
                return _after_checklist_saved(request, audit, items, saved)
        messages.error(request, _("Nothing was saved: correct the answers marked below."))
    return render(
        request,
        "audits/checklist.html",
        {
            "audit": audit,
            "rows": list(zip(items, forms, strict=True)),
            "may_record": may_record,
            "finding_results": list(checklist_services.FINDING_RESULTS),
        },
        status=400 if data is not None else 200,
    )


def _after_checklist_saved(request, audit, items, saved):
    raise_from = request.POST.get("raise", "")
    raising = raise_from.isdigit() and int(raise_from) in {item.pk for item in items}
    if saved:
        messages.success(
            request,
            ngettext("Saved %(count)s answer.", "Saved %(count)s answers.", len(saved))
            % {"count": calendars.localize_digits(str(len(saved)))},
        )
    elif not raising:
        messages.info(request, _("No answer was changed."))
    if raising:
        return HttpResponseRedirect(reverse("audits:checklist_finding", args=[raise_from]))
    return HttpResponseRedirect(request.path)


@login_required
@require_http_methods(["GET", "POST"])
def checklist_finding(request, pk: int):
    """Raise a finding from a checklist answer: audit, clause and unit come from the
    answer, the statement starts as its notes; the auditor grades it and saves."""
    item = get_object_or_404(
        ChecklistItem.objects.restrict(request.user, "view").select_related(
            "audit__unit", "clause__library"
        ),
        pk=pk,
    )
    audit = item.audit
    units = checklist_services.finding_units(audit, request.user)
    if not checklist_services.may_record(request.user, audit) or not units:
        raise PermissionDenied(_("Only the audit team raises findings on this audit."))
    form = FindingFromAnswerForm(request.POST or None, item=item, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            finding = checklist_services.raise_finding(
                item,
                request.user,
                unit=form.cleaned_data["unit"],
                grade=form.cleaned_data["grade"],
                statement=form.cleaned_data["statement"],
                evidence=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            add_validation_error(form, error)
        else:
            messages.success(request, _("Raised the finding %(finding)s.") % {"finding": finding})
            checklist_url = reverse("audits:audit_checklist", args=[audit.pk])
            return HttpResponseRedirect(f"{checklist_url}#item-{item.pk}")
    return render(
        request,
        "audits/checklist_finding.html",
        {"audit": audit, "item": item, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def report(request, pk: int):
    """The audit report: scope, team, summary, strengths, checklist results and
    findings, laid out for printing."""
    audit = get_object_or_404(Audit.objects.restrict(request.user, "view"), pk=pk)
    findings = Finding.objects.restrict(request.user, "view").filter(audit=audit)
    context = {
        "audit": audit,
        "findings": findings.select_related("unit", "clause", "nonconformity"),
        "counts": services.findings_by_grade(findings),
        "items": audit.checklist.select_related("clause", "clause__library"),
    }
    if wants_pdf(request):
        title = f"{_('Audit report')}: {audit}"
        return pdf_response(
            request,
            "audits/report.html",
            context,
            filename=f"audit-report-{audit.pk}",
            title=title,
            organisation=audit.unit.organisation,
        )
    return render(request, "audits/report.html", context)


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
