"""API beyond the generic endpoints: the green accounts' chart data."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from zist.core.api import ZistModelViewSet
from zist.indicators import accounts


class IndicatorViewSet(ZistModelViewSet):
    @extend_schema(
        parameters=[
            OpenApiParameter("unit", int, description="Unit whose subtree is summed"),
            OpenApiParameter("year", int, description="Reporting year, e.g. 1403 or 2024"),
        ],
        responses={200: dict},
    )
    @action(detail=False, methods=["get"], url_path="accounts")
    def accounts(self, request):
        """Green accounts of a unit subtree and reporting year: every chart's numbers
        (three-year trend, per-unit breakdown, targets) and the EMAS A/B/R table."""
        from zist.indicators.views import chosen_unit_and_year

        _units, root, year, _latest = chosen_unit_and_year(request)
        return Response(accounts.as_json(accounts.green_accounts(request.user, root, year)))
