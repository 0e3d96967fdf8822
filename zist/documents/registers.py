from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.exceptions import ValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from zist.core.api import ZistModelViewSet
from zist.core.registry import DeleteRefused, Register, register
from zist.core.related import Related
from zist.documents import services
from zist.documents.filters import (
    ApprovalRouteFilterSet,
    DocumentFilterSet,
    DocumentVersionFilterSet,
)
from zist.documents.forms import ApprovalRouteForm, DocumentForm, DocumentVersionForm
from zist.documents.models import ApprovalRoute, Document, DocumentVersion, VersionStatus
from zist.documents.serializers import (
    DocumentVersionSerializer,
)
from zist.documents.tables import ApprovalRouteTable, DocumentTable, DocumentVersionTable


@register
class DocumentRegister(Register):
    model = Document
    grows = True
    form = DocumentForm
    filterset = DocumentFilterSet
    table = DocumentTable
    menu_group = "support"
    detail_template = "documents/document_extra.html"
    related = [
        Related(
            "versions",
            columns=("number", "status", "change_summary", "approved_by", "approved_at"),
            limit=20,
        )
    ]
    natural_key = ("unit", "code__iexact")


class DocumentVersionViewSet(ZistModelViewSet):
    """Versions, plus one POST endpoint per workflow step:
    `/api/documents/documentversions/<id>/<step>/` with step submit, return, approve,
    publish or withdraw."""

    def _step(self, request, pk, step: str):
        version = get_object_or_404(DocumentVersion.objects.restrict(request.user, "view"), pk=pk)
        try:
            services.TRANSITIONS[step](version, request.user)
        except PermissionDenied as exc:
            raise ApiPermissionDenied(str(exc)) from None
        except DjangoValidationError as exc:
            raise ValidationError({"detail": exc.messages}) from None
        version.refresh_from_db()
        return Response(self.get_serializer(version).data)

    @action(detail=True, methods=["post"], policy_action="change")
    def submit(self, request, pk=None):
        return self._step(request, pk, "submit")

    @action(detail=True, methods=["post"], url_path="return", policy_action="change")
    def return_to_draft(self, request, pk=None):
        return self._step(request, pk, "return")

    @action(detail=True, methods=["post"], policy_action="approve")
    def approve(self, request, pk=None):
        return self._step(request, pk, "approve")

    @action(detail=True, methods=["post"], policy_action="change")
    def publish(self, request, pk=None):
        return self._step(request, pk, "publish")

    @action(detail=True, methods=["post"], policy_action="change")
    def withdraw(self, request, pk=None):
        return self._step(request, pk, "withdraw")


@register
class DocumentVersionRegister(Register):
    model = DocumentVersion
    form = DocumentVersionForm
    filterset = DocumentVersionFilterSet
    table = DocumentVersionTable
    serializer = DocumentVersionSerializer
    viewset = DocumentVersionViewSet
    menu_group = "support"
    detail_template = "documents/version_extra.html"
    detail_fields = [
        "document",
        "number",
        "status",
        "change_summary",
        "file",
        "submitted_by",
        "submitted_at",
        "approved_by",
        "approved_at",
        "published_by",
        "published_at",
        "retired_at",
    ]

    @classmethod
    def delete(cls, obj, request) -> None:
        # Approved texts are evidence of the system: they are superseded or withdrawn,
        # never deleted.
        if obj.status != VersionStatus.DRAFT:
            raise DeleteRefused(_("Only a draft can be deleted."))
        obj.delete()


@register
class ApprovalRouteRegister(Register):
    model = ApprovalRoute
    form = ApprovalRouteForm
    filterset = ApprovalRouteFilterSet
    table = ApprovalRouteTable
    menu_group = "support"
