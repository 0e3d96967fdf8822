"""The training-needs analysis: people × competence requirements, with bulk enrolment
of the people who have a gap."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zist.core import numbers
from zist.documents.models import ancestor_paths
from zist.organisations.models import Unit
from zist.training import services
from zist.training.forms import BulkEnrolForm
from zist.training.models import Enrolment, Person, Requirement, Session


def _scope(request):
    """The unit the matrix is drawn for: the one asked for, else the user's home unit,
    else the first the user may see."""
    units = Unit.objects.restrict(request.user, "view").filter(archived=False)
    unit = None
    if request.GET.get("unit", "").isdigit():
        unit = get_object_or_404(units, pk=request.GET["unit"])
    if unit is None and request.user.home_unit_id:
        unit = units.filter(pk=request.user.home_unit_id).first()
    return units, unit or units.first()


def _matrix_data(request, unit):
    people = (
        Person.objects.restrict(request.user, "view")
        .filter(active=True, unit__path__startswith=unit.path)
        .select_related("unit", "user")
    )
    # Requirements set on the unit, above it (they apply here) or below it.
    here = Q(unit__path__in=ancestor_paths([unit.path])) | Q(unit__path__startswith=unit.path)
    requirements = (
        Requirement.objects.restrict(request.user, "view")
        .filter(here)
        .select_related("unit", "course")
        .order_by("title")
    )
    return people, list(requirements)


@login_required
def needs(request):
    units, unit = _scope(request)
    if unit is None:
        raise PermissionDenied
    people, requirements = _matrix_data(request, unit)
    rows = services.needs_matrix(people, requirements)
    only_gaps = request.GET.get("gaps") == "1"
    if only_gaps:
        rows = [row for row in rows if row.gaps]
    sessions = Session.objects.restrict(request.user, "view").select_related("course")
    return render(
        request,
        "training/needs.html",
        {
            "unit": unit,
            "units": units,
            "requirements": requirements,
            "rows": rows,
            "only_gaps": only_gaps,
            "sessions": sessions.order_by("-date")[:200],
            "gap_total": sum(row.gaps for row in rows),
        },
    )


@login_required
def bulk_enrol(request):
    """Enrol the ticked people on one session, all or none."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("training:needs"))
    form = BulkEnrolForm(
        request.POST,
        sessions=Session.objects.restrict(request.user, "view"),
        people=Person.objects.restrict(request.user, "view"),
    )
    back = reverse("training:needs") + (
        f"?unit={request.POST['unit']}" if request.POST.get("unit", "").isdigit() else ""
    )
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(back)
    session = form.cleaned_data["session"]
    try:
        with transaction.atomic():
            created = services.enrol(session, form.cleaned_data["people"])
            allowed = Enrolment.objects.restrict(request.user, "add")
            if allowed.filter(pk__in=[e.pk for e in created]).count() != len(created):
                raise PermissionDenied
    except PermissionDenied:
        messages.error(request, _("You may not enrol people on this session."))
        return HttpResponseRedirect(back)
    messages.success(
        request,
        ngettext(
            "Enrolled %(count)s person on %(session)s.",
            "Enrolled %(count)s people on %(session)s.",
            len(created),
        )
        % {"count": numbers.format_number(len(created)), "session": session},
    )
    return HttpResponseRedirect(back)
