from zist.core.forms import ZistModelForm
from zist.records import services
from zist.records.models import Record, RecordType


class RecordTypeForm(ZistModelForm):
    class Meta:
        model = RecordType
        fields = ["unit", "name", "clause", "retention_months", "description"]


class RecordForm(ZistModelForm):
    class Meta:
        model = Record
        fields = [
            "unit",
            "record_type",
            "title",
            "reference",
            "record_date",
            "location",
            "decision",
            "keep_until",
            "decision_note",
        ]

    def clean(self):
        data = super().clean()
        changed = services.decision_changed(
            self.instance.pk, data.get("decision"), data.get("keep_until")
        )
        if changed and not services.may_decide(self.user, data.get("unit")):
            self.add_error("decision", services.REFUSED)
        return data
