import datetime as dt

from zist.communication.models import Communication, Event, Inquiry
from zist.core.testing import Cast, Scenario, scenario, unique


@scenario
class CommunicationScenario(Scenario):
    model = Communication

    @classmethod
    def make(cls, cast: Cast, unit):
        return Communication.objects.create(unit=unit, topic=unique("topic"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "topic": unique("waste calendar"), "direction": "external"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"channel": "website"}


@scenario
class InquiryScenario(Scenario):
    model = Inquiry

    @classmethod
    def make(cls, cast: Cast, unit):
        return Inquiry.objects.create(
            unit=unit, subject=unique("inquiry"), received_on=dt.date(2025, 1, 5)
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "subject": unique("noise at night"), "received_on": "2025-02-01"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"answer": "The works end at 22:00.", "answered_on": "2025-02-03"}


@scenario
class EventScenario(Scenario):
    model = Event

    @classmethod
    def make(cls, cast: Cast, unit):
        return Event.objects.create(unit=unit, title=unique("seminar"), date=dt.date(2025, 4, 1))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "title": unique("autumn seminar"), "date": "2025-10-01"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"outcomes": "Two new local goals."}
