from zist.communication.models import Communication, Event, Inquiry
from zist.core.forms import ZistModelForm


class CommunicationForm(ZistModelForm):
    class Meta:
        model = Communication
        fields = ["unit", "date", "direction", "channel", "topic", "audience", "summary", "by"]


class InquiryForm(ZistModelForm):
    class Meta:
        model = Inquiry
        fields = [
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
        ]


class EventForm(ZistModelForm):
    class Meta:
        model = Event
        fields = [
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
