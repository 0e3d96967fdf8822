"""Pages beyond the generic register pages: accepting a finding or an idea (it becomes
an Action), and the totals of savings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.actions.models import Action
from zist.core.views import can
from zist.improvement import services
from zist.improvement.forms import AcceptForm
from zist.improvement.models import Finding, Idea


def _accept(request, model, pk: int, accept):
    record = get_object_or_404(model.objects.restrict(request.user, "change"), pk=pk)
    if not can(request.user, Action, "add"):
        raise PermissionDenied
    form = AcceptForm(request.POST, user=request.user)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(record.get_absolute_url())
    try:
        action = accept(record, **form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        if not Action.objects.restrict(request.user, "view").filter(pk=action.pk).exists():
            raise PermissionDenied
        messages.success(
            request, _("Accepted: the action %(object)s was created.") % {"object": action}
        )
    return HttpResponseRedirect(record.get_absolute_url())


@login_required
@require_POST
def accept_finding(request, pk: int):
    return _accept(request, Finding, pk, services.accept_finding)


@login_required
@require_POST
def accept_idea(request, pk: int):
    return _accept(request, Idea, pk, services.accept_idea)


@login_required
def totals(request):
    """Estimated savings of the findings the reader may see, per unit subtree, waste
    type and roadmap lane."""
    findings = Finding.objects.restrict(request.user, "view")
    return render(
        request,
        "improvement/totals.html",
        {"totals": services.totals(findings), "title": _("Savings of Lean reviews")},
    )
