"""Workflow pages of a nonconformity beyond the generic register pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.actions.models import Action
from zist.core.views import can
from zist.nonconformities import services
from zist.nonconformities.forms import ActionForNonconformityForm, EffectivenessForm
from zist.nonconformities.models import Nonconformity


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
@require_POST
def add_action(request, pk: int):
    nc = get_object_or_404(Nonconformity.objects.restrict(request.user, "change"), pk=pk)
    if not can(request.user, Action, "add"):
        raise PermissionDenied
    form = ActionForNonconformityForm(request.POST, user=request.user)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(nc.get_absolute_url())
    try:
        action = services.add_action(nc, **form.cleaned_data)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        if not Action.objects.restrict(request.user, "view").filter(pk=action.pk).exists():
            raise PermissionDenied
        messages.success(request, _("Saved %(object)s.") % {"object": action})
    return HttpResponseRedirect(nc.get_absolute_url())


@login_required
@require_POST
def record_effectiveness(request, pk: int):
    nc = get_object_or_404(Nonconformity.objects.restrict(request.user, "change"), pk=pk)
    form = EffectivenessForm(request.POST)
    if form.is_valid():
        try:
            services.record_effectiveness(
                nc,
                user=request.user,
                effective=form.cleaned_data["effective"],
                notes=form.cleaned_data["notes"],
                on=form.cleaned_data["on"],
            )
        except ValidationError as exc:
            _errors(request, exc)
        else:
            messages.success(request, _("Saved %(object)s.") % {"object": nc})
    else:
        messages.error(request, _("Choose a result."))
    return HttpResponseRedirect(nc.get_absolute_url())
