"""API actions on the unit tree beyond create/read/update/delete."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from zist.core.api import ZistModelViewSet
from zist.organisations import services
from zist.organisations.models import Unit


class UnitViewSet(ZistModelViewSet):
    @extend_schema(
        request=inline_serializer("UnitMove", {"parent": serializers.IntegerField()}),
        responses={200: None},
    )
    @action(detail=True, methods=["post"], policy_action="change")
    def move(self, request, pk=None):
        """Move the unit and its subtree under another unit of the same organisation."""
        unit = get_object_or_404(Unit.objects.restrict(request.user, "change"), pk=pk)
        parent = get_object_or_404(
            Unit.objects.restrict(request.user, "change"), pk=request.data.get("parent")
        )
        try:
            services.move_unit(unit, parent)
        except ValidationError as exc:
            raise ApiValidationError({"parent": exc.messages}) from None
        return Response(self.get_serializer(Unit.objects.get(pk=unit.pk)).data)

    @extend_schema(
        request=inline_serializer("UnitArchive", {"archived": serializers.BooleanField()}),
        responses={200: None},
    )
    @action(detail=True, methods=["post"], policy_action="change")
    def archive(self, request, pk=None):
        """Archive (or restore with `archived: false`) the unit and its subtree."""
        unit = get_object_or_404(Unit.objects.restrict(request.user, "change"), pk=pk)
        archived = request.data.get("archived", True) not in (False, "false", "0", 0)
        if unit.depth == 1 and archived:
            raise ApiValidationError(
                {"archived": [_("The organisation's root unit cannot be archived.")]}
            )
        services.archive_unit(unit, archived)
        return Response(self.get_serializer(Unit.objects.get(pk=unit.pk)).data)
