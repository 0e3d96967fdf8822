"""Pages beyond the generic register pages: overview, office, training needs, drill
trend, the master plan document with its approval, and a participant's AHP
comparisons entered as a matrix. Every query is restricted."""

from __future__ import annotations

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.core import calendars, concurrency
from zist.core.forms import add_validation_error
from zist.core.pdf import pdf_later, pdf_response, wants_pdf
from zist.core.registry import registers
from zist.core.views import can
from zist.crisis import models as m
from zist.crisis.forms import ComparisonMatrixForm, judgement_token
from zist.crisis.models.sessions import Method
from zist.crisis.services import ahp_entry, diagrams
from zist.crisis.services import plan as plan_service


def _viewable(model, user):
    if not can(user, model, "view"):
        raise PermissionDenied
    return model.objects.restrict(user, "view")


@login_required
def overview(request):
    """Links to the crisis registers and pages the user may see."""
    user = request.user
    links = [
        {"label": reg.verbose_name_plural(), "url_name": reg.url_name("list")}
        for reg in registers()
        if reg.model._meta.app_label == "crisis" and can(user, reg.model, "view")
    ]
    if not links:
        raise PermissionDenied
    return render(request, "crisis/overview.html", {"links": links})


@login_required
def office(request):
    """Organisation chart, posts and the functions × departments matrix."""
    user = request.user
    context = plan_service.office_context(
        _viewable(m.Post, user),
        _viewable(m.CrisisFunction, user),
        _viewable(m.Agency, user),
    )
    return render(request, "crisis/office.html", context)


@login_required
def training_needs(request):
    """Specialist needs per post and public needs per hazard."""
    user = request.user
    context = plan_service.training_context(
        _viewable(m.Post, user), _viewable(m.PublicTrainingNeed, user), user
    )
    # The training app (courses) links here once it is installed.
    context["training_app"] = apps.is_installed("zist.training")
    return render(request, "crisis/training.html", context)


@login_required
def drill_trend(request):
    """Scores of held drills over time and steps over their target time."""
    drills = list(
        _viewable(m.Drill, request.user)
        .filter(status=m.DrillStatus.HELD)
        .order_by("held_on", "pk")
        .prefetch_related("timings__step")
    )
    labels = [calendars.format_date(drill.held_on) for drill in drills]
    names = {
        "speed": _("Speed"),
        "flexibility": _("Flexibility"),
        "quality": _("Service quality"),
        "efficiency": _("Resource efficiency"),
    }
    series = [(names[c], [getattr(d, c) for d in drills]) for c in m.Drill.CRITERIA]
    rows = []
    for drill in drills:
        timed = [t for t in drill.timings.all() if t.step.target_minutes is not None]
        late = [t for t in timed if t.overrun > 0]
        rows.append({"drill": drill, "timed": len(timed), "late": len(late)})
    return render(
        request,
        "crisis/drill_trend.html",
        {"chart": diagrams.line_chart(labels, series), "rows": rows},
    )


@login_required
def plan_document(request, pk: int):
    """The printable plan: frozen if approved, else assembled now."""
    plan = get_object_or_404(m.MasterPlan.objects.restrict(request.user, "view"), pk=pk)
    if wants_pdf(request):
        # Always a background job: the plan runs to many pages.
        later = pdf_later(request, title=str(plan), source=plan)
        if later is not None:
            return later
    if plan.status == m.PlanStatus.APPROVED and plan.document:
        body = plan.document
    else:
        body = plan_service.render_document(plan, request.user, request)
    context = {"plan": plan, "body": body}
    if wants_pdf(request):
        return pdf_response(
            request,
            "crisis/plan_document.html",
            context,
            filename=f"master-plan-{plan.pk}-v{plan.version}",
            title=str(plan),
            organisation=plan.unit.organisation,
        )
    return render(request, "crisis/plan_document.html", context)


@login_required
@require_POST
def approve_plan(request, pk: int):
    """Approve a draft version (the policy's approve action)."""
    plan = get_object_or_404(m.MasterPlan.objects.restrict(request.user, "approve"), pk=pk)
    try:
        plan_service.approve(plan, request.user, request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Approved %(plan)s.") % {"plan": plan})
    return HttpResponseRedirect(plan.get_absolute_url())


@login_required
def comparison_entry(request, pk: int):
    """A participant's pairwise comparisons as the upper triangle of the hazards ×
    hazards matrix, saved at once, with the participant's consistency ratio. Users who
    may see the comparisons but not add or change them get the matrix read-only."""
    participant = get_object_or_404(
        m.Participant.objects.restrict(request.user, "view").select_related("session__unit"),
        pk=pk,
        session__method=Method.AHP,
    )
    session = participant.session
    allowed = ahp_entry.permitted_actions(request.user, session)
    if "view" not in allowed:
        raise Http404
    editable = bool(allowed & {"add", "change"})
    hazards = ahp_entry.session_hazards(session, request.user)
    status, conflict = 200, None
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        # The participant's row is locked while the judgements are compared with those
        # the page was opened with and saved, so two people cannot interleave.
        with transaction.atomic():
            list(
                m.Participant._base_manager.select_for_update()
                .filter(pk=participant.pk)
                .values_list("pk")
            )
            form = ComparisonMatrixForm(
                hazards, ahp_entry.pairs(participant, user=request.user), request.POST
            )
            version = request.POST.get(concurrency.FIELD, "")
            if form.is_valid():
                conflict = _matrix_conflict(form, version)
                if conflict is None:
                    try:
                        ahp_entry.save_judgements(participant, form.judgements(), user=request.user)
                    except ValidationError as exc:
                        add_validation_error(form, exc)
                    else:
                        messages.success(
                            request, _("Saved the comparisons of %(who)s.") % {"who": participant}
                        )
                        return HttpResponseRedirect(request.path)
                else:
                    version = conflict.token
        status = 409 if conflict else 400
    else:
        form = ComparisonMatrixForm(
            hazards, ahp_entry.pairs(participant, user=request.user), disabled=not editable
        )
        version = _matrix_version(form)
    return render(
        request,
        "crisis/comparison_entry.html",
        {
            "participant": participant,
            "session": session,
            "form": form,
            "editable": editable,
            "consistency": ahp_entry.consistency(participant, user=request.user),
            "conflict": conflict,
            "version_field": concurrency.FIELD,
            "version": version,
        },
        status=status,
    )


def _matrix_version(form) -> str:
    """The judgements as stored when the page is drawn, pair by pair (the page's
    version token: short, and nothing the page does not already show)."""
    return ",".join(
        f"{name}:{judgement_token(pair.judgement) or '-'}" for name, pair in form.pairs.items()
    )


def _matrix_conflict(form, version: str):
    """The pairs someone else judged since the page was opened and that this save
    would change again, with both judgements in words; None when there are none."""
    opened = dict(part.partition(":")[::2] for part in version.split(",") if ":" in part)
    changes = []
    for name, pair in form.pairs.items():
        now = judgement_token(pair.judgement)
        if name not in opened or opened[name] in (now, now or "-"):
            continue
        typed = form.cleaned_data.get(name) or ""
        if typed == now:
            continue
        words = dict(form.fields[name].choices)
        anchor = form[name].id_for_label
        changes.append(
            concurrency.Change(
                name, form.fields[name].label, words[now], words.get(typed, typed), anchor
            )
        )
    if not changes:
        return None
    return concurrency.Conflict(changes, _matrix_version(form))
