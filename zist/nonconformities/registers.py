from django.utils.translation import gettext_lazy as _

from zist.core.registry import Register, register
from zist.core.related import Related
from zist.nonconformities.filters import NonconformityFilterSet
from zist.nonconformities.forms import NonconformityForm
from zist.nonconformities.models import Nonconformity
from zist.nonconformities.serializers import NonconformitySerializer
from zist.nonconformities.tables import NonconformityTable


@register
class NonconformityRegister(Register):
    model = Nonconformity
    grows = True
    form = NonconformityForm
    filterset = NonconformityFilterSet
    table = NonconformityTable
    serializer = NonconformitySerializer
    menu_group = "improvement"
    slug = "nonconformities"
    detail_template = "nonconformities/nonconformity_extra.html"
    related = [
        Related(
            model="actions.Action",
            generic="source",
            label=_("Corrections and corrective actions"),
            columns=("title", "kind", "owner", "due_date", "status"),
        )
    ]
    labels = {"source": _("Source record")}
    detail_fields = [
        "title",
        "unit",
        "grade",
        "source_kind",
        "source",
        "reported_on",
        "reported_by",
        "status",
        "description",
        "correction",
        "why_1",
        "why_2",
        "why_3",
        "why_4",
        "why_5",
        "cause_category",
        "root_cause",
        "check_due",
        "checked_by",
        "checked_on",
        "effectiveness",
        "effectiveness_notes",
        "closed_on",
    ]

    @classmethod
    def write(cls, obj, before, request, many):
        # Whoever records a nonconformity reported it, unless someone else is named.
        if before is None and not obj.reported_by_id:
            obj.reported_by = request.user
        return super().write(obj, before, request, many)
