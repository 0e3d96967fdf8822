"""Filter machinery shared by list pages and the API (the same FilterSet serves both)."""

from __future__ import annotations

import django_filters
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zist.core.forms import CalendarDateField
from zist.core.querysets import with_str_related


class CalendarDateFilter(django_filters.DateFilter):
    field_class = CalendarDateField


class ZistFilterSet(django_filters.FilterSet):
    """Base FilterSet: a free-text `q` over `search_fields`, date filters in the user's
    calendar, and related choices restricted to what the user may see."""

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(method="search", label=_("Search"))

    FILTER_DEFAULTS = {
        **django_filters.FilterSet.FILTER_DEFAULTS,
        models.DateField: {"filter_class": CalendarDateFilter},
    }

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        for filter_ in self.filters.values():
            queryset = getattr(filter_, "queryset", None)
            if isinstance(queryset, models.QuerySet) and hasattr(queryset, "restrict"):
                filter_.queryset = with_str_related(queryset.restrict(user, "view"))

    def search(self, queryset, name, value):
        value = value.strip()
        if not value or not self.search_fields:
            return queryset
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value})
        return queryset.filter(query)
