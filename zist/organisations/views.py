"""Tree actions on units: move and archive/restore (the generic pages do the rest)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.core import numbers
from zist.organisations import services
from zist.organisations.forms import UnitMoveForm
from zist.organisations.models import Unit


@login_required
def unit_move(request, pk: int):
    unit = get_object_or_404(Unit.objects.restrict(request.user, "change"), pk=pk)
    form = UnitMoveForm(request.POST or None, unit=unit, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.move_unit(unit, form.cleaned_data["parent"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Moved %(unit)s.") % {"unit": unit})
            return HttpResponseRedirect(unit.get_absolute_url())
    return render(
        request,
        "organisations/unit_move.html",
        {"object": unit, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def unit_archive(request, pk: int):
    unit = get_object_or_404(Unit.objects.restrict(request.user, "change"), pk=pk)
    archive = request.POST.get("archived", "1") == "1"
    if unit.depth == 1 and archive:
        messages.error(request, _("The organisation's root unit cannot be archived."))
        return HttpResponseRedirect(unit.get_absolute_url())
    count = services.archive_unit(unit, archive)
    if archive:
        messages.success(
            request,
            _("Archived %(count)s units. Their data is kept.")
            % {"count": numbers.format_number(count)},
        )
    else:
        messages.success(
            request, _("Restored %(count)s units.") % {"count": numbers.format_number(count)}
        )
    return HttpResponseRedirect(unit.get_absolute_url())
