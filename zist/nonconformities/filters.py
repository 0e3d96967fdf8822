from zist.core.filters import ZistFilterSet
from zist.nonconformities.models import Nonconformity


class NonconformityFilterSet(ZistFilterSet):
    search_fields = ("title", "description", "root_cause")

    class Meta:
        model = Nonconformity
        fields = ["unit", "grade", "source_kind", "status", "cause_category", "reported_on"]
