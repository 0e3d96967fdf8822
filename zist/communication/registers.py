from zist.communication.filters import CommunicationFilterSet, EventFilterSet, InquiryFilterSet
from zist.communication.forms import CommunicationForm, EventForm, InquiryForm
from zist.communication.models import Communication, Event, Inquiry
from zist.communication.serializers import (
    InquirySerializer,
)
from zist.communication.tables import CommunicationTable, EventTable, InquiryTable
from zist.core.registry import Register, register
from zist.core.related import Related


@register
class CommunicationRegister(Register):
    model = Communication
    grows = True
    form = CommunicationForm
    filterset = CommunicationFilterSet
    table = CommunicationTable
    menu_group = "support"


@register
class InquiryRegister(Register):
    model = Inquiry
    grows = True
    form = InquiryForm
    filterset = InquiryFilterSet
    table = InquiryTable
    serializer = InquirySerializer
    menu_group = "support"
    slug = "inquiries"
    detail_template = "communication/inquiry_extra.html"
    related = [
        Related(
            model="nonconformities.Nonconformity", generic="source", columns=("title", "status")
        )
    ]


@register
class EventRegister(Register):
    model = Event
    grows = True
    form = EventForm
    filterset = EventFilterSet
    table = EventTable
    menu_group = "support"
    detail_template = "communication/event_extra.html"
