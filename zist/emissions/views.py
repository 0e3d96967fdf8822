"""The greenhouse-gas inventory page: every line traceable to the factors used."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from zist.emissions import services
from zist.indicators.rollups import year_period
from zist.indicators.views import chosen_unit_and_year
from zist.meters.models import Carrier, Reading
from zist.meters.services import period_bounds


@login_required
def inventory(request):
    """Scope 1 and 2 of a unit subtree for a reporting year, per unit and carrier, as
    the user may see them (a district representative: her district only)."""
    units, root, year, latest = chosen_unit_and_year(request)
    period = year_period(root.organisation, year)
    start, end = period_bounds(period.start, period.end, root.organisation.time_zone)
    lines = services.inventory(
        Reading.objects.restrict(request.user, "view"), root, start, end, year
    )
    names = dict(
        units.model.objects.filter(pk__in={line.unit_id for line in lines}).values_list(
            "pk", "name"
        )
    )
    for line in lines:
        line.unit_name = names.get(line.unit_id, "")
        line.carrier_label = Carrier(line.carrier).label
    return render(
        request,
        "emissions/inventory.html",
        {
            "root": root,
            "year": year,
            "period": period,
            "lines": lines,
            "totals": services.scope_totals_t(lines),
            "units": units[:500],
            "years": list(range(latest, latest - 10, -1)),
        },
    )
