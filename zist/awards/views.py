"""Publishing a round's results; the assessment tables are on the detail pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.awards import services
from zist.awards.models import Round


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
