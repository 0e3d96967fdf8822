"""Upload, download and remove evidence files. Access follows the parent record:
whoever may view it may download; whoever may change it may upload and remove."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from zist.attachments.forms import AttachmentForm
from zist.attachments.models import Attachment
from zist.attachments.validation import INLINE_TYPES
from zist.core.registry import get_register
from zist.core.related import Related


def _parent(user, content_type_id: int, object_id: int, action: str):
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or get_register(model) is None:
        raise Http404
    return get_object_or_404(model.objects.restrict(user, action), pk=object_id)


def attachment_context(obj, user) -> dict:
    """What the detail page shows about the record's files."""
    content_type = ContentType.objects.get_for_model(obj)
    return {
        "items": Attachment.objects.filter(
            content_type=content_type, object_id=obj.pk
        ).select_related("uploaded_by"),
        "content_type_id": content_type.pk,
        "can_upload": type(obj).objects.restrict(user, "change").filter(pk=obj.pk).exists(),
        "form": AttachmentForm(),
    }


class EvidenceFiles(Related):
    """The evidence files panel, shown on every register's detail page: files follow
    their record, so whoever may see the page sees them and whoever may change the
    record attaches and removes them."""

    template = "attachments/attachment_panel.html"

    def __init__(self) -> None:
        super().__init__(model=Attachment, generic="parent", label=_("Evidence files"))

    def panel(self, obj, user) -> dict:
        return {"template": self.template, "id": "attachments", **attachment_context(obj, user)}


@login_required
@require_POST
def attachment_add(request, content_type_id: int, object_id: int):
    parent = _parent(request.user, content_type_id, object_id, "change")
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("file", []) + form.errors.get("description", []):
            messages.error(request, error)
        return HttpResponseRedirect(parent.get_absolute_url())
    upload = form.cleaned_data["file"]
    with transaction.atomic():
        Attachment.objects.create(
            content_type_id=content_type_id,
            object_id=parent.pk,
            file=upload,
            name=upload.name[:200],
            mime_type=form.mime_type,
            size=upload.size,
            description=form.cleaned_data["description"],
            uploaded_by=request.user,
        )
    messages.success(request, _("Attached %(name)s.") % {"name": upload.name})
    return HttpResponseRedirect(parent.get_absolute_url())


@login_required
def attachment_download(request, pk: int):
    attachment = get_object_or_404(Attachment, pk=pk)
    _parent(request.user, attachment.content_type_id, attachment.object_id, "view")
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.mime_type,
        as_attachment=attachment.mime_type not in INLINE_TYPES,
        filename=attachment.name,
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
@require_POST
def attachment_delete(request, pk: int):
    attachment = get_object_or_404(Attachment, pk=pk)
    parent = _parent(request.user, attachment.content_type_id, attachment.object_id, "change")
    attachment.delete()
    messages.success(request, _("Removed %(name)s.") % {"name": attachment.name})
    return HttpResponseRedirect(parent.get_absolute_url())
