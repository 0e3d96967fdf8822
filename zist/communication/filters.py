import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.communication.models import Communication, Event, Inquiry
from zist.core.filters import ZistFilterSet


class CommunicationFilterSet(ZistFilterSet):
    search_fields = ("topic", "audience", "summary")

    class Meta:
        model = Communication
        fields = ["unit", "direction", "channel", "by", "date"]


class InquiryFilterSet(ZistFilterSet):
    search_fields = ("subject", "text", "name", "answer")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue"))
    answered = django_filters.BooleanFilter(method="filter_answered", label=_("Answered"))

    class Meta:
        model = Inquiry
        fields = ["unit", "kind", "party", "owner", "answer_due"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        late = queryset.overdue(timezone.localdate())
        return late if value else queryset.exclude(pk__in=late.values("pk"))

    def filter_answered(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(answered_on__isnull=not value)


class EventFilterSet(ZistFilterSet):
    search_fields = ("title", "agenda", "outcomes", "place")

    class Meta:
        model = Event
        fields = ["unit", "kind", "date"]
