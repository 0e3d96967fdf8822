"""The master plan document: everything of the plan under the plan's unit that the
reader may see, assembled in the order of the plan's parts; and its approval."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from zist.core.querysets import subtree_q


def _under(model, user, unit):
    return model.objects.restrict(user, "view").filter(subtree_q(model.scope_field, [unit.path]))


def office_context(posts, functions, agencies) -> dict:
    """The organisation chart and the functions × departments matrix."""
    from zist.crisis.services.diagrams import org_chart

    posts = list(posts.select_related("reports_to").prefetch_related("holders"))
    functions = list(functions.prefetch_related("assignments"))
    agencies = [
        a
        for a in agencies
        if any(cell.agency_id == a.pk for f in functions for cell in f.assignments.all())
    ]
    matrix = []
    for function in functions:
        cells = {cell.agency_id: cell for cell in function.assignments.all()}
        matrix.append((function, [cells.get(agency.pk) for agency in agencies]))
    return {"posts": posts, "chart": org_chart(posts), "agencies": agencies, "matrix": matrix}


def training_context(posts, needs, user) -> dict:
    """Specialist needs per post and public needs per hazard, each needed training
    linked to a course of the training module where one has that title."""
    from zist.crisis.services.training import course_urls, post_needs

    rows = []
    for post in posts.prefetch_related("holders"):
        rows.append({"post": post, "vacant": not post.holders.all(), "gaps": post_needs(post)})
    needs = list(needs.select_related("hazard"))
    titles = {t for row in rows for gaps in row["gaps"] for t in gaps.trainings}
    urls = course_urls(titles | {need.topic for need in needs}, user)
    for row in rows:
        for gaps in row["gaps"]:
            gaps.links = [(title, urls.get(title, "")) for title in gaps.trainings]
    for need in needs:
        need.course_url = urls.get(need.topic, "")
    return {"post_needs": rows, "public_needs": needs}


def plan_context(plan, user) -> dict:
    """Context of the plan document: what `user` may see under the plan's unit."""
    from zist.crisis import models as m
    from zist.crisis.services.indicators import sendai

    unit = plan.unit
    hazards = _under(m.Hazard, user, unit).prefetch_related("events")
    events = list(_under(m.HazardEvent, user, unit))
    sessions = list(_under(m.AssessmentSession, user, unit).order_by("held_on", "pk"))
    organisation = unit.organisation
    indicators, period = [], None
    if events:
        years = [organisation.reporting_year(event.date).label for event in events]
        first, last = min(years), max(years)
        period = (first, last)
        indicators = sendai(
            [
                (year, e.deaths, e.injured, e.displaced, e.economic_loss)
                for year, e in zip(years, events, strict=True)
            ],
            first,
            last,
            plan.population,
        )
    approved_before = (
        m.MasterPlan.objects.restrict(user, "view")
        .filter(unit=unit, status=m.PlanStatus.APPROVED)
        .exclude(pk=plan.pk)
        .exists()
    )
    phases = []
    processes = _under(m.Process, user, unit).prefetch_related("steps__post")
    for phase in m.Phase:
        phases.append((phase.label, [p for p in processes if p.phase == phase]))
    context = {
        "plan": plan,
        "hazards": hazards,
        "sessions": [(session, session.results(user)) for session in sessions],
        "scenarios": _under(m.HazardScenario, user, unit).prefetch_related("gaps__agency", "nodes"),
        "phases": phases,
        "drills": _under(m.Drill, user, unit).order_by("planned_on"),
        "indicators": indicators,
        "period": period,
        "approved_before": approved_before,
        "generated": timezone.now(),
    }
    context.update(
        office_context(
            _under(m.Post, user, unit),
            _under(m.CrisisFunction, user, unit),
            _under(m.Agency, user, unit),
        )
    )
    context.update(
        training_context(_under(m.Post, user, unit), _under(m.PublicTrainingNeed, user, unit), user)
    )
    return context


def render_document(plan, user, request=None) -> str:
    """The plan document as HTML, assembled now."""
    return render_to_string(
        "crisis/plan_document_body.html", plan_context(plan, user), request=request
    )


@transaction.atomic
def approve(plan, user, request=None):
    """Approve a draft: freeze the document as it reads now and record who and when."""
    from zist.crisis.models import PlanStatus

    if plan.status == PlanStatus.APPROVED:
        raise ValidationError(_("This version is already approved."))
    plan.status = PlanStatus.APPROVED
    plan.approved_by = user
    plan.approved_on = timezone.localdate()
    # Rendered after the status is set: the frozen copy says who approved it and when.
    plan.document = render_document(plan, user, request)
    plan.save()
    return plan
