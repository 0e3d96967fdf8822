from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied

from zist.core.registry import DeleteRefused, Register, register
from zist.core.related import Related
from zist.records import services
from zist.records.filters import RecordFilterSet, RecordTypeFilterSet
from zist.records.forms import RecordForm, RecordTypeForm
from zist.records.models import Decision, Record, RecordType
from zist.records.serializers import RecordSerializer, RecordTypeSerializer
from zist.records.tables import RecordTable, RecordTypeTable


@register
class RecordTypeRegister(Register):
    model = RecordType
    form = RecordTypeForm
    filterset = RecordTypeFilterSet
    table = RecordTypeTable
    serializer = RecordTypeSerializer
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
    def save(cls, form, request):
        record = form.instance
        if services.decision_changed(record.pk, record.decision, record.keep_until):
            record.decided_by, record.decided_on = request.user, timezone.localdate()
        return form.save()

    @classmethod
    def api_save(cls, serializer, request):
        data, instance = serializer.validated_data, serializer.instance or Record()
        decision = data.get("decision", instance.decision)
        keep_until = data.get("keep_until", instance.keep_until)
        if services.decision_changed(instance.pk, decision, keep_until):
            if not services.may_decide(
                request.user, data.get("unit", instance.unit_id and instance.unit)
            ):
                raise ApiPermissionDenied(str(services.REFUSED))
            return serializer.save(decided_by=request.user, decided_on=timezone.localdate())
        return serializer.save()

    @classmethod
    def delete(cls, obj, request) -> None:
        # Never silently: a record goes only after someone decided to destroy it.
        if obj.decision != Decision.DESTROY:
            raise DeleteRefused(_("Decide to destroy the record before deleting it."))
        obj.delete()
