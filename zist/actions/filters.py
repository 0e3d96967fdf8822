import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zist.actions.models import OPEN_STATUSES, Action
from zist.core.filters import ZistFilterSet


class ActionFilterSet(ZistFilterSet):
    search_fields = ("title", "description")
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("Overdue"))

    class Meta:
        model = Action
        fields = ["unit", "kind", "status", "owner", "due_date"]

    def filter_overdue(self, queryset, name, value: bool):
        if value is None:
            return queryset
        late = {"status__in": OPEN_STATUSES, "due_date__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)
