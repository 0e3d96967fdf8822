"""API beyond the generic endpoints: organisations send and submit their figures
machine to machine, reviewers accept or return, everyone reads the results they may."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from zist.core.api import ZistModelViewSet
from zist.reporting import benchmark, services
from zist.reporting.models import Programme, Sector, Submission
from zist.reporting.serializers import FiguresInputSerializer, InviteSerializer, ReviewSerializer


def _refused(exc: DjangoValidationError):
    return ValidationError(serializers.as_serializer_error(exc))


class SubmissionViewSet(ZistModelViewSet):
    """Submissions, plus POST `figures/` (set figures by KPI code, optionally submit),
    `fill/` (from the organisation's own indicators), `submit/`, `accept/`, `return/`."""

    def _mine(self, request, pk, action: str) -> Submission:
        return get_object_or_404(Submission.objects.restrict(request.user, action), pk=pk)

    def _answer(self, submission):
        submission.refresh_from_db()
        return Response(self.get_serializer(submission).data)

    @extend_schema(request=FiguresInputSerializer)
    @action(detail=True, methods=["post"], policy_action="change")
    def figures(self, request, pk=None):
        submission = self._mine(request, pk, "change")
        data = FiguresInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        kpis = {k.code: k for k in submission.programme.kpis.all()}
        try:
            with transaction.atomic():
                if "reference_value" in data.validated_data:
                    submission.reference_value = data.validated_data["reference_value"]
                    submission.full_clean()
                    submission.save()
                for item in data.validated_data["figures"]:
                    kpi = kpis.get(item["kpi"])
                    if kpi is None:
                        raise DjangoValidationError({"figures": f"unknown KPI {item['kpi']}"})
                    services.set_figure(
                        submission,
                        kpi,
                        item["value"],
                        item.get("unit", ""),
                        source=item.get("source", "API"),
                        change_comment=item.get("comment"),
                    )
                if data.validated_data["submit"]:
                    services.submit(submission, request.user)
        except DjangoValidationError as exc:
            raise _refused(exc) from None
        return self._answer(submission)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], policy_action="change")
    def fill(self, request, pk=None):
        submission = self._mine(request, pk, "change")
        try:
            with transaction.atomic():
                services.fill_from_indicators(submission, request.user)
        except DjangoValidationError as exc:
            raise _refused(exc) from None
        return self._answer(submission)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"], policy_action="change")
    def submit(self, request, pk=None):
        submission = self._mine(request, pk, "change")
        try:
            services.submit(submission, request.user)
        except DjangoValidationError as exc:
            raise _refused(exc) from None
        return self._answer(submission)

    def _review(self, request, pk, accept: bool):
        submission = self._mine(request, pk, "approve")
        data = ReviewSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.review(
                submission, request.user, accept, data.validated_data.get("comment", "")
            )
        except DjangoValidationError as exc:
            raise _refused(exc) from None
        return self._answer(submission)

    @extend_schema(request=ReviewSerializer)
    @action(detail=True, methods=["post"], policy_action="approve")
    def accept(self, request, pk=None):
        return self._review(request, pk, True)

    @extend_schema(request=ReviewSerializer)
    @action(detail=True, methods=["post"], url_path="return", policy_action="approve")
    def return_(self, request, pk=None):
        return self._review(request, pk, False)


class ProgrammeViewSet(ZistModelViewSet):
    """Programmes, plus GET `results/`: the benchmark of every KPI and sector as the
    caller may see it (named for the regulator, anonymised for an organisation)."""

    @extend_schema(request=InviteSerializer)
    @action(detail=True, methods=["post"], policy_action="change")
    def invite(self, request, pk=None):
        """Invite an organisation (by id) to report in a sector (by code)."""
        from zist.organisations.models import Organisation, OrganisationKind

        programme = get_object_or_404(Programme.objects.restrict(request.user, "change"), pk=pk)
        data = InviteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        organisation = (
            Organisation._base_manager.exclude(kind=OrganisationKind.REGULATOR)
            .filter(pk=data.validated_data["organisation"])
            .first()
        )
        sector = programme.sectors.filter(code=data.validated_data["sector"]).first()
        if organisation is None or sector is None:
            raise ValidationError({"detail": "unknown organisation or sector"})
        submission = services.invite(programme, organisation, sector)
        return Response({"submission": submission.pk}, status=201)

    @extend_schema(responses={200: dict})
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        programme = get_object_or_404(Programme.objects.restrict(request.user, "view"), pk=pk)
        sector = None
        if code := request.query_params.get("sector"):
            sector = Sector.objects.filter(programme=programme, code=code).first()
        found = benchmark.results(request.user, programme, sector)
        return Response({"results": [benchmark.as_json(r) for r in found]})
