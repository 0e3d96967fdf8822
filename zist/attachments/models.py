"""Evidence files attached to any record."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zist.core.models import ZistModel
from zist.core.querysets import RestrictedQuerySet


def upload_to(instance, filename: str) -> str:
    # A random name: the original name is kept in `name`, never used as a path.
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"attachments/{instance.content_type.app_label}/{uuid.uuid4().hex}.{extension}"


class AttachmentQuerySet(RestrictedQuerySet):
    def restrict(self, user, action: str = "view"):
        """Files follow their records: visible with the record, changed with it."""
        from zist.core.registry import registers

        parent_action = "view" if action == "view" else "change"
        query = Q(pk__in=[])
        for reg in registers():
            parents = reg.model.objects.restrict(user, parent_action).values("pk")
            content_type = ContentType.objects.get_for_model(reg.model)
            query |= Q(content_type=content_type, object_id__in=parents)
        return self.filter(query)


class Attachment(ZistModel):
    """A file of evidence on a record (a permit scan, a photo, a report).

    It may be seen by whoever may see its record and changed by whoever may change it.
    Deleting one removes it from the record but keeps the stored file, which its
    history still refers to (Django never deletes files of deleted rows).
    """

    content_type = models.ForeignKey(ContentType, models.CASCADE, verbose_name=_("record type"))
    object_id = models.PositiveBigIntegerField(_("record"))
    parent = GenericForeignKey("content_type", "object_id")
    file = models.FileField(_("file"), upload_to=upload_to, max_length=300)
    name = models.CharField(_("name"), max_length=200)
    mime_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def scope_q(cls, paths: list[str], action: str) -> Q:
        # Never used: AttachmentQuerySet.restrict asks each parent model instead.
        raise NotImplementedError
