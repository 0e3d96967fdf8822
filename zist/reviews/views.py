"""Management review pages beyond the generic ones: the compiled inputs and minutes
(printable), recording the minutes, and decisions as actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.actions.models import Action
from zist.core.pdf import pdf_response, wants_pdf
from zist.core.views import can
from zist.reviews import services
from zist.reviews.forms import DecisionActionForm
from zist.reviews.inputs import compile_inputs
from zist.reviews.models import ManagementReview, ReviewStatus


@login_required
def minutes(request, pk: int):
    """The minutes: inputs as frozen when the meeting was recorded (or compiled now for
    a planned meeting), conclusions, decisions and their actions."""
    review = get_object_or_404(ManagementReview.objects.restrict(request.user, "view"), pk=pk)
    held = review.status == ReviewStatus.HELD and review.inputs
    inputs = review.inputs if held else compile_inputs(review)
    context = {
        "review": review,
        "inputs": inputs,
        "held": held,
        "actions": Action.objects.restrict(request.user, "view").for_source(review),
        "may_change": ManagementReview.objects.restrict(request.user, "change")
        .filter(pk=pk)
        .exists(),
    }
    if wants_pdf(request):
        heading = _("Minutes") if held else _("Compiled inputs")
        return pdf_response(
            request,
            "reviews/minutes.html",
            context,
            filename=f"management-review-{review.pk}",
            title=f"{heading}: {review}",
            organisation=review.unit.organisation,
        )
    return render(request, "reviews/minutes.html", context)


@login_required
@require_POST
def record(request, pk: int):
    review = get_object_or_404(ManagementReview.objects.restrict(request.user, "change"), pk=pk)
    services.record_minutes(review)
    messages.success(request, _("The minutes were recorded with the inputs as they stand today."))
    return HttpResponseRedirect(review.get_absolute_url())


@login_required
@require_POST
def add_decision(request, pk: int):
    review = get_object_or_404(ManagementReview.objects.restrict(request.user, "change"), pk=pk)
    if not can(request.user, Action, "add"):
        raise PermissionDenied
    form = DecisionActionForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            action = services.add_decision_action(review, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Saved %(object)s.") % {"object": action})
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return HttpResponseRedirect(review.get_absolute_url())
