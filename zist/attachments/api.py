"""Evidence files through the API: listed and downloaded with the parent's view
permission, uploaded and removed with its change permission."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import mixins, serializers, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import FormParser, MultiPartParser

from zist.attachments.models import Attachment
from zist.attachments.validation import check_upload
from zist.core.registry import get_register


class AttachmentSerializer(serializers.ModelSerializer):
    record_type = serializers.CharField(
        write_only=True,
        # Lazy: a class attribute is built once at import, before any language is active.
        help_text=gettext_lazy("The record's type as app.model, e.g. actions.action."),
    )
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = [
            "id",
            "record_type",
            "content_type",
            "object_id",
            "file",
            "name",
            "mime_type",
            "size",
            "description",
            "uploaded_by",
            "created",
            "download_url",
        ]
        read_only_fields = ["content_type", "name", "mime_type", "size", "uploaded_by", "created"]
        extra_kwargs = {"file": {"write_only": True}}

    def get_download_url(self, obj) -> str:
        return reverse("attachments:attachment_download", args=[obj.pk])

    def validate(self, attrs):
        request = self.context["request"]
        label = attrs.pop("record_type", "").lower()
        register = get_register(label)
        if register is None:
            raise ApiValidationError({"record_type": _("Unknown record type.")})
        parent = (
            register.model.objects.restrict(request.user, "change")
            .filter(pk=attrs.get("object_id"))
            .first()
        )
        if parent is None:
            raise NotFound(_("No such record, or you may not change it."))
        try:
            attrs["mime_type"] = check_upload(attrs["file"])
        except DjangoValidationError as exc:
            raise ApiValidationError({"file": exc.messages}) from None
        attrs["content_type"] = ContentType.objects.get_for_model(register.model)
        attrs["name"] = attrs["file"].name[:200]
        attrs["size"] = attrs["file"].size
        attrs["uploaded_by"] = request.user
        return attrs


class AttachmentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Evidence files on records. Filter with `content_type` and `object_id`."""

    serializer_class = AttachmentSerializer
    parser_classes = [MultiPartParser, FormParser]
    filterset_fields = ["content_type", "object_id"]
    queryset = Attachment.objects.all()

    def get_queryset(self):
        action = "view" if self.request.method in ("GET", "HEAD", "OPTIONS") else "change"
        return Attachment.objects.restrict(self.request.user, action).select_related("uploaded_by")
