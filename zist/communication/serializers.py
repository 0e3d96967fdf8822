from rest_framework import serializers

from zist.communication.models import Communication, Event, Inquiry
from zist.core.api import ZistModelSerializer


class CommunicationSerializer(ZistModelSerializer):
    class Meta:
        model = Communication
        fields = [
            "id",
            "display",
            "unit",
            "date",
            "direction",
            "channel",
            "topic",
            "audience",
            "summary",
            "by",
        ]


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


class EventSerializer(ZistModelSerializer):
    class Meta:
        model = Event
        fields = [
            "id",
            "display",
            "unit",
            "kind",
            "title",
            "date",
            "place",
            "agenda",
            "participants",
            "other_participants",
            "outcomes",
            "public",
        ]
