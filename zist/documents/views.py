"""Workflow buttons of the version page and the read confirmation; everything else is
the generic register pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.documents import services
from zist.documents.models import Document, DocumentVersion


@login_required
@require_POST
def version_step(request, pk: int, step: str):
    """Take one workflow step; refused steps raise PermissionDenied (403)."""
    if step not in services.TRANSITIONS:
        raise Http404
    version = get_object_or_404(DocumentVersion.objects.restrict(request.user, "view"), pk=pk)
    try:
        services.TRANSITIONS[step](version, request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("%(version)s is now %(status)s.")
            % {"version": version, "status": version.get_status_display().lower()},
        )
    return HttpResponseRedirect(version.get_absolute_url())


@login_required
@require_POST
def acknowledge(request, pk: int):
    version = get_object_or_404(DocumentVersion.objects.restrict(request.user, "view"), pk=pk)
    try:
        services.acknowledge(version, request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(
            request, _("Thank you: your reading of %(version)s is recorded.") % {"version": version}
        )
    return HttpResponseRedirect(version.get_absolute_url())


@login_required
@require_POST
def new_revision(request, pk: int):
    document = get_object_or_404(Document.objects.restrict(request.user, "change"), pk=pk)
    try:
        version = services.new_revision(document, request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return HttpResponseRedirect(document.get_absolute_url())
    return HttpResponseRedirect(version.get_absolute_url())
