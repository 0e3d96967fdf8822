"""Workflow buttons of the version page, the read confirmation, version files, and the
public pages where anyone reads the published version of a public document;
everything else is the generic register pages."""

from __future__ import annotations

import mimetypes

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.attachments.validation import INLINE_TYPES
from zist.documents import services
from zist.documents.forms import ReviewForm
from zist.documents.models import Document, DocumentVersion
from zist.documents.search import search_documents


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
def review(request, pk: int):
    """A reviewer's opinion; refused (403) to anyone the route does not name."""
    version = get_object_or_404(DocumentVersion.objects.restrict(request.user, "view"), pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(version.get_absolute_url())
    try:
        services.review(version, request.user, **form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Your review is recorded."))
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


def _file_response(version: DocumentVersion):
    if not version.file:
        raise Http404
    content_type = mimetypes.guess_type(version.file_name or version.file.name)[0]
    content_type = content_type or "application/octet-stream"
    response = FileResponse(
        version.file.open("rb"),
        content_type=content_type,
        as_attachment=content_type not in INLINE_TYPES,
        filename=version.file_name or None,
    )
    # The file was checked by content on upload; still, never let it run anything.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def version_file(request, pk: int):
    """The uploaded file of a version, for whoever may see the version."""
    version = get_object_or_404(DocumentVersion.objects.restrict(request.user, "view"), pk=pk)
    return _file_response(version)


def _public_versions():
    return DocumentVersion.objects.published().filter(document__public=True)


def public_list(request):
    """Published versions of public documents of one organisation, for anyone (citizens
    need no login); without `?organisation=` the organisations to choose from, so no
    list mixes one organisation's documents with another's. A search ranks them as the
    document search does, over what citizens can read: the number, the title and the
    published text (typed or in its file)."""
    from zist.organisations.models import Organisation

    wanted = request.GET.get("organisation", "")
    organisation = None
    if wanted.isdecimal() and len(wanted) < 10:
        organisation = Organisation.objects.filter(pk=wanted).first()
    if organisation is None:
        organisations = Organisation.objects.filter(
            pk__in=_public_versions().values("document__unit__organisation")
        ).order_by("name")
        context = {"versions": [], "q": "", "organisations": organisations}
        return render(request, "documents/public_list.html", context)
    versions = (
        _public_versions()
        .filter(document__unit__organisation=organisation)
        .select_related("document", "document__unit__organisation")
    )
    context = {"organisation": organisation}
    try:
        # A form field refuses what no database can search for (a NUL character).
        query = forms.CharField(required=False, max_length=500).clean(request.GET.get("q", ""))
    except ValidationError as error:
        context.update(versions=[], q="", errors=error.messages)
        return render(request, "documents/public_list.html", context, status=400)
    if not query:
        versions = versions.order_by("document__code")
        context.update(versions=versions, q="")
        return render(request, "documents/public_list.html", context)
    found = search_documents(
        Document.objects.filter(pk__in=versions.values("document_id")),
        query,
        versions=versions,
        fields=("code", "title"),
    )
    order = {pk: index for index, pk in enumerate(found.values_list("pk", flat=True))}
    versions = sorted(versions.filter(document_id__in=order), key=lambda v: order[v.document_id])
    context.update(versions=versions, q=query)
    return render(request, "documents/public_list.html", context)


def public_detail(request, pk: int):
    version = get_object_or_404(
        _public_versions().select_related("document", "document__unit"), document_id=pk
    )
    return render(
        request,
        "documents/public_detail.html",
        {"version": version, "html": services.render_text(version.content)},
    )


def public_file(request, pk: int):
    return _file_response(get_object_or_404(_public_versions(), document_id=pk))
