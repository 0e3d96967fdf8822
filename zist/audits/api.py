"""API actions on audit programmes beyond create/read/update/delete."""

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from zist.audits import services
from zist.audits.models import Audit, AuditProgramme
from zist.audits.serializers import AuditSerializer, RiskPlanSerializer
from zist.core.api import ZistModelViewSet

# What POST answers: the audits it created (201), or none (200) when run again.
CREATED = inline_serializer("RiskPlanCreated", {"created": AuditSerializer(many=True)})


class AuditProgrammeViewSet(ZistModelViewSet):
    @extend_schema(methods=["GET"], responses={200: RiskPlanSerializer})
    @extend_schema(methods=["POST"], request=None, responses={201: CREATED, 200: CREATED})
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="risk-plan",
        policy_action="add",
        policy_model=Audit,
    )
    def risk_plan(self, request, pk=None):
        """The programme's audits planned by risk: GET shows what would be created
        (each unit's date, interval and reason, and the units left out), POST creates
        those planned internal audits (again: nothing new). Only units where the user
        may add audits are planned; 403 when there is none."""
        programme = get_object_or_404(
            AuditProgramme.objects.restrict(request.user, "view").select_related(
                "unit__organisation"
            ),
            pk=pk,
        )
        if request.method == "POST":
            created = services.create_planned_audits(programme, request.user)
            data = AuditSerializer(created, many=True, context={"request": request}).data
            return Response(
                {"created": data}, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
            )
        plan = services.risk_plan(programme, request.user)
        return Response(RiskPlanSerializer(plan).data)
