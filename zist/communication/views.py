"""The representatives' network: every workplace's environmental representative and
the seminars of the reporting year each one attended."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from zist.communication.models import Event, EventKind
from zist.organisations.models import Organisation, Unit, UnitKind
from zist.training.models import Person


def network(units, seminars, people_by_user: dict) -> list[dict]:
    """One row per unit: its representative and, per seminar, whether they attended.
    `people_by_user` maps user ids to the ids of their training persons."""
    attendance = {
        seminar.pk: {person.pk for person in seminar.participants.all()} for seminar in seminars
    }
    rows = []
    for unit in units:
        person_id = people_by_user.get(unit.representative_id)
        attended = [person_id is not None and person_id in attendance[s.pk] for s in seminars]
        rows.append(
            {
                "unit": unit,
                "representative": unit.representative,
                "attended": attended,
                "count": sum(attended),
            }
        )
    return rows


@login_required
def representatives(request):
    user = request.user
    visible = Unit.objects.restrict(user, "view").filter(archived=False)
    organisations = Organisation.objects.filter(pk__in=visible.values("organisation"))
    chosen = request.GET.get("organisation", "")
    organisation = (
        organisations.filter(pk=chosen).first()
        if chosen.isdecimal() and len(chosen) < 19
        else organisations.filter(pk=getattr(user.organisation, "pk", None)).first()
    ) or organisations.first()
    if organisation is None:
        raise Http404
    year = organisation.reporting_year(timezone.localdate())
    if request.GET.get("year"):
        from zist.core.calendars import plausible_year, reporting_year_by_label

        label = plausible_year(request.GET["year"], organisation.calendar)
        if label is None:
            raise Http404
        year = reporting_year_by_label(
            label,
            organisation.calendar,
            organisation.year_start_month,
            organisation.year_start_day,
        )
    units = (
        visible.filter(organisation=organisation)
        .filter(Q(representative__isnull=False) | Q(kind=UnitKind.WORKPLACE))
        .select_related("representative")
        .order_by("path")
    )
    seminars = list(
        Event.objects.restrict(user, "view")
        .filter(
            kind=EventKind.SEMINAR,
            unit__organisation=organisation,
            date__gte=year.start,
            date__lt=year.end,
        )
        .prefetch_related("participants")
        .order_by("date")
    )
    reps = [unit.representative_id for unit in units if unit.representative_id]
    people_by_user = dict(Person.objects.filter(user_id__in=reps).values_list("user_id", "pk"))
    return render(
        request,
        "communication/representatives.html",
        {
            "organisation": organisation,
            "organisations": organisations,
            "year": year,
            "seminars": seminars,
            "rows": network(units, seminars, people_by_user),
        },
    )
