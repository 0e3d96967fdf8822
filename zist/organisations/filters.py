import django_filters
from django.utils.translation import gettext_lazy as _

from zist.core.filters import ZistFilterSet
from zist.organisations.models import Organisation, Unit


class OrganisationFilterSet(ZistFilterSet):
    search_fields = ("name", "description")

    class Meta:
        model = Organisation
        fields = ["kind", "language", "calendar"]


class UnitFilterSet(ZistFilterSet):
    search_fields = ("name", "code", "description")
    within = django_filters.ModelChoiceFilter(
        queryset=Unit.objects.all(), method="filter_within", label=_("Within unit")
    )

    class Meta:
        model = Unit
        fields = ["organisation", "kind", "archived", "leader", "representative"]

    def filter_within(self, queryset, name, value: int):
        return queryset.filter(path__startswith=value.path) if value else queryset
