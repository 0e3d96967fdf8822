from rest_framework import serializers

from zist.communication.models import Inquiry
from zist.core.api import ZistModelSerializer


class InquirySerializer(ZistModelSerializer):
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Inquiry
        fields = [
            "id",
            "display",
            "unit",
            "kind",
            "party",
            "name",
            "contact",
            "received_on",
            "subject",
            "text",
            "owner",
            "answer_due",
            "answer",
            "answered_on",
            "is_overdue",
        ]
