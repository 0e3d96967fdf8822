from zist.core.api import ZistModelSerializer
from zist.obligations.models import Obligation


class ObligationSerializer(ZistModelSerializer):
    class Meta:
        model = Obligation
        fields = [
            "id",
            "display",
            "unit",
            "reference",
            "title",
            "kind",
            "source",
            "requirement",
            "applies_to",
            "owner",
            "frequency_months",
            "valid_from",
            "expires_on",
            "active",
            "last_evaluated_on",
            "last_result",
            "next_evaluation_due",
            "created",
            "last_updated",
        ]
        read_only_fields = ["last_evaluated_on", "last_result", "next_evaluation_due"]
