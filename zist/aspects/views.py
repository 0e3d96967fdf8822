"""The significance map: aspects of one criteria set on a grid of its first two
criteria, each cell coloured by how close its aspects come to significance, and the
aspects ranked by score."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.views import View

from zist.aspects.models import Aspect, CriteriaSet


def grid(aspects: list[Aspect], criteria: list, threshold) -> list[dict]:
    """Rows of the first criterion (highest score first) × columns of the second.
    Each cell holds its aspects and a heat class: "significant" when any of them is,
    "near" when the highest score reaches two thirds of the threshold, "low" otherwise,
    "empty" without aspects."""
    rows_criterion, columns_criterion = criteria[0], criteria[1]
    columns = list(range(columns_criterion.minimum, columns_criterion.maximum + 1))
    rows = []
    for value in range(rows_criterion.maximum, rows_criterion.minimum - 1, -1):
        cells = []
        for column in columns:
            members = [
                a
                for a in aspects
                if a.scores.get(rows_criterion.code) == value
                and a.scores.get(columns_criterion.code) == column
            ]
            best = max((a.score for a in members if a.score is not None), default=None)
            if not members:
                heat = "empty"
            elif any(a.significant for a in members):
                heat = "significant"
            elif best is not None and best * 3 >= threshold * 2:
                heat = "near"
            else:
                heat = "low"
            cells.append({"value": column, "aspects": members, "heat": heat})
        rows.append({"value": value, "cells": cells})
    return rows


class AspectMapView(LoginRequiredMixin, View):
    template_name = "aspects/aspect_map.html"

    def get(self, request):
        user = request.user
        criteria_sets = list(CriteriaSet.objects.restrict(user, "view"))
        chosen = request.GET.get("criteria_set", "")
        current = next((c for c in criteria_sets if str(c.pk) == chosen), None)
        current = current or (criteria_sets[0] if criteria_sets else None)
        context = {"criteria_sets": criteria_sets, "current": current, "rows": [], "ranked": []}
        if current is not None:
            criteria = list(current.criteria.all())
            aspects = list(
                Aspect.objects.restrict(user, "view")
                .filter(criteria_set=current)
                .select_related("activity__unit")
                .order_by("-score", "name")
            )
            context["ranked"] = aspects
            context["significant_count"] = sum(1 for a in aspects if a.significant)
            if len(criteria) >= 2:
                context["rows"] = grid(aspects, criteria, current.threshold)
                context["row_criterion"], context["column_criterion"] = criteria[0], criteria[1]
                context["columns"] = list(range(criteria[1].minimum, criteria[1].maximum + 1))
        return render(request, self.template_name, context)
