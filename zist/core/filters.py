"""Filter machinery shared by list pages and the API (the same FilterSet serves both)."""

from __future__ import annotations

import django_filters
from django.db import models
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_filters.utils import label_for_filter

from zist.core import lookups
from zist.core.forms import (
    CalendarDateField,
    CalendarDateTimeField,
    FloatNumberField,
    IntegerNumberField,
    NumberField,
)
from zist.core.querysets import with_str_related


class CalendarDateFilter(django_filters.DateFilter):
    field_class = CalendarDateField


class CalendarDateTimeFilter(django_filters.DateTimeFilter):
    field_class = CalendarDateTimeField


class NumberFilter(django_filters.NumberFilter):
    """A number typed as the user writes it (`zist.core.numbers`)."""

    field_class = NumberField


class FloatNumberFilter(django_filters.NumberFilter):
    field_class = FloatNumberField


class IntegerNumberFilter(django_filters.NumberFilter):
    field_class = IntegerNumberField


# django-filter writes a label from the model field's verbose name the first time a
# filter's label is read, as a plain string in the language active then.
lazy_label_for_filter = lazy(label_for_filter, str)


class ZistFilterSet(django_filters.FilterSet):
    """Base FilterSet: a free-text `q` over `search_fields`, date and date-time filters
    in the user's calendar, numbers read as the user writes them (also as API
    parameters), and related choices restricted to what the user may see.

    Nothing read from a filter is kept for everyone. The class's `base_filters` are
    shared by every request, and django-filter caches on a filter the form field (and
    the label it generates) the first time they are read; the API schema reads them
    on the shared filters, so the first schema served fixed the labels of every later
    list page in its language (and a cached field would keep one request's choices).
    Labels are therefore lazy from the start, and each filterset builds its own fields.
    """

    search_fields: tuple[str, ...] = ()
    q = django_filters.CharFilter(method="search", label=_("Search"))

    FILTER_DEFAULTS = {
        **django_filters.FilterSet.FILTER_DEFAULTS,
        models.DateField: {"filter_class": CalendarDateFilter},
        models.DateTimeField: {"filter_class": CalendarDateTimeFilter},
        models.DecimalField: {"filter_class": NumberFilter},
        models.FloatField: {"filter_class": FloatNumberFilter},
        models.IntegerField: {"filter_class": IntegerNumberFilter},
        models.SmallIntegerField: {"filter_class": IntegerNumberFilter},
        models.PositiveIntegerField: {"filter_class": IntegerNumberFilter},
        models.PositiveSmallIntegerField: {"filter_class": IntegerNumberFilter},
    }

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        model = cls._meta.model
        for filter_ in filters.values():
            if filter_._label is None and model is not None:
                filter_.label = lazy_label_for_filter(
                    model, filter_.field_name, filter_.lookup_expr, filter_.exclude
                )
        return filters

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        user = getattr(request, "user", None)
        for filter_ in self.filters.values():
            # A form field cached on the shared filter before this copy was made.
            filter_.__dict__.pop("_field", None)
            queryset = getattr(filter_, "queryset", None)
            if isinstance(queryset, models.QuerySet) and hasattr(queryset, "restrict"):
                filter_.queryset = with_str_related(queryset.restrict(user, "view"))

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            # Choices that grow with the data are typed (zist.core.lookups).
            lookups.prepare(form.fields, "filter", type(self))
        return self._form

    def search(self, queryset, name, value):
        value = value.strip()
        if not value or not self.search_fields:
            return queryset
        query = Q()
        for field in self.search_fields:
            query |= Q(**{f"{field}__icontains": value})
        return queryset.filter(query)
