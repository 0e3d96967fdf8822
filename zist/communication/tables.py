from django.utils.translation import gettext_lazy as _

from zist.communication.models import Communication, Event, Inquiry
from zist.core.tables import Column, Table


class CommunicationTable(Table):
    model = Communication
    columns = ["topic", "date", "direction", "channel", "audience", "unit", "by"]


class InquiryTable(Table):
    model = Inquiry
    columns = [
        "subject",
        "kind",
        "party",
        "received_on",
        "answer_due",
        Column("is_overdue", _("Overdue"), orderable=False),
        "answered_on",
        "owner",
        "unit",
    ]


class EventTable(Table):
    model = Event
    prefetch = ("participants",)
    columns = [
        "title",
        "kind",
        "date",
        "place",
        Column("participant_count", _("Participants"), orderable=False),
        "unit",
    ]
