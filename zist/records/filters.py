import django_filters
from django.utils.translation import gettext_lazy as _

from zist.core.filters import ZistFilterSet
from zist.records.models import Record, RecordType


class RecordTypeFilterSet(ZistFilterSet):
    search_fields = ("name", "clause", "description")

    class Meta:
        model = RecordType
        fields = ["unit", "clause"]


class RecordFilterSet(ZistFilterSet):
    search_fields = ("title", "reference", "location")
    awaiting_decision = django_filters.BooleanFilter(
        method="filter_awaiting", label=_("Past retention, awaiting a decision")
    )

    class Meta:
        model = Record
        fields = ["unit", "record_type", "decision", "retain_until"]

    def filter_awaiting(self, queryset, name, value):
        if value is None:
            return queryset
        waiting = queryset.awaiting_decision()
        return waiting if value else queryset.exclude(pk__in=waiting.values("pk"))
