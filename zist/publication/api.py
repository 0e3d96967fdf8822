"""API beyond the generic endpoints: the statement's workflow (validate, publish,
correct), its compiled content, and the portal's read-only data for anyone."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from zist.core.api import ZistModelViewSet
from zist.publication import portal, services


class DeclarationSerializer(serializers.Serializer):
    declaration = serializers.CharField(max_length=5000)


class NoteSerializer(serializers.Serializer):
    change_note = serializers.CharField(max_length=5000)


class StatementViewSet(ZistModelViewSet):
    def _step(self, function, *args):
        statement = self.get_object()
        try:
            result = function(self.request.user, statement, *args)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from None
        except DjangoValidationError as exc:
            raise ValidationError(serializers.as_serializer_error(exc)) from None
        return Response(self.get_serializer(result).data)

    def get_queryset(self):
        if self.action in ("validate", "publish", "correct"):
            return self.register.model.objects.restrict(self.request.user, "view")
        return super().get_queryset()

    @extend_schema(request=DeclarationSerializer)
    @action(detail=True, methods=["post"], policy_action="approve")
    def validate(self, request, pk=None):
        """The verifier (an external auditor of the unit) validates a draft with a
        declaration."""
        body = DeclarationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._step(services.validate, body.validated_data["declaration"])

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], policy_action="approve")
    def publish(self, request, pk=None):
        """Publish a validated statement: its figures are frozen from now on."""
        return self._step(services.publish)

    @extend_schema(request=NoteSerializer)
    @action(detail=True, methods=["post"], policy_action="add")
    def correct(self, request, pk=None):
        """A new draft version of a published statement."""
        body = NoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._step(services.correct, body.validated_data["change_note"])

    @extend_schema(responses={200: dict})
    @action(detail=True, methods=["get"])
    def content(self, request, pk=None):
        """The statement's sections (a)–(h), green accounts and flower: the frozen
        snapshot once published, compiled from the registers before."""
        return Response(services.content(self.get_object()))

    @extend_schema(responses={200: dict}, operation_id="publication_portal_retrieve")
    @action(
        detail=False,
        methods=["get"],
        url_path=r"public/(?P<organisation>[0-9]{1,9})",
        permission_classes=[permissions.AllowAny],
    )
    def public(self, request, organisation=None):
        """Anyone: an organisation's portal data, published things only."""
        return Response(portal.as_json(int(organisation)))

    @extend_schema(responses={200: dict}, operation_id="publication_portal_statement_retrieve")
    @action(
        detail=False,
        methods=["get"],
        url_path=r"public/(?P<organisation>[0-9]{1,9})/(?P<year>[0-9]{1,4})",
        permission_classes=[permissions.AllowAny],
    )
    def public_statement(self, request, organisation=None, year=None):
        """Anyone: the published statement of a year (its latest published version)."""
        from zist.publication.serializers import PublishedSerializer

        statement = portal.published_statement(int(organisation), int(year))
        return Response(PublishedSerializer(statement).data)
