from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zist.core.registry import DeleteRefused, Register, register
from zist.core.related import Related
from zist.records import services
from zist.records.filters import RecordFilterSet, RecordTypeFilterSet
from zist.records.forms import RecordForm, RecordTypeForm
from zist.records.models import Decision, Record, RecordType
from zist.records.serializers import RecordSerializer
from zist.records.tables import RecordTable, RecordTypeTable


@register
class RecordTypeRegister(Register):
    model = RecordType
    form = RecordTypeForm
    filterset = RecordTypeFilterSet
    table = RecordTypeTable
    menu_group = "support"
    related = [
        Related(
            "records",
            label=gettext_lazy("Records past retention"),
            narrow=lambda records: records.awaiting_decision(),
            all_query={"awaiting_decision": "true"},
            columns=("title", "unit", "retain_until"),
        )
    ]
    natural_key = ("unit", "name__iexact")


@register
class RecordRegister(Register):
    model = Record
    grows = True
    form = RecordForm
    filterset = RecordFilterSet
    table = RecordTable
    serializer = RecordSerializer
    menu_group = "support"
    detail_fields = [
        "title",
        "record_type",
        "unit",
        "reference",
        "record_date",
        "location",
        "retain_until",
        "decision",
        "keep_until",
        "decision_note",
        "decided_by",
        "decided_on",
    ]
    natural_key = ("unit", "reference__iexact")

    @classmethod
    def write(cls, obj, before, request, many):
        # Who decided what happens to a record, and when, is written with the decision
        # itself (one history row), whichever door it came through.
        stored = (before.decision, before.keep_until) if before else ("", None)
        if (obj.decision or "", obj.keep_until) != stored:
            if not services.may_decide(request.user, obj.unit):
                raise PermissionDenied(str(services.REFUSED))
            obj.decided_by, obj.decided_on = request.user, timezone.localdate()
        return super().write(obj, before, request, many)

    @classmethod
    def delete(cls, obj, request) -> None:
        # Never silently: a record goes only after someone decided to destroy it.
        if obj.decision != Decision.DESTROY:
            raise DeleteRefused(_("Decide to destroy the record before deleting it."))
        obj.delete()
