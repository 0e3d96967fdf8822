"""Publishing a round's results and the printable results; the assessment tables are
on the detail pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.awards import services
from zist.awards.models import Application, Round, RoundStatus
from zist.core.pdf import pdf_response, wants_pdf


@login_required
@require_POST
def publish(request, pk: int):
    round_ = get_object_or_404(Round.objects.restrict(request.user, "approve"), pk=pk)
    try:
        services.publish(round_)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Results published."))
    return redirect(round_.get_absolute_url())


@login_required
def results(request, pk: int):
    """A round's published ranking and levels, as a page or `?format=pdf`. Each reader
    sees the applications they may: the awarding body all of them, an applicant its
    own. Nothing before the results are published."""
    round_ = get_object_or_404(
        Round.objects.restrict(request.user, "view").select_related("scheme", "unit"), pk=pk
    )
    published = round_.status == RoundStatus.PUBLISHED
    applications = (
        Application.objects.restrict(request.user, "view")
        .filter(round=round_)
        .select_related("unit__organisation")
        .order_by("rank", "unit__name")
        if published
        else Application.objects.none()
    )
    context = {"round": round_, "published": published, "applications": applications}
    if wants_pdf(request):
        return pdf_response(
            request,
            "awards/results.html",
            context,
            filename=f"award-results-{round_.pk}",
            title=f"{_('Award results')}: {round_}",
            organisation=round_.unit.organisation,
        )
    return render(request, "awards/results.html", context)
