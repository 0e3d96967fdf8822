import datetime as dt

from zist.certification.models import Certificate, CertificationBody
from zist.core.testing import Cast, Scenario, scenario, unique


@scenario
class CertificationBodyScenario(Scenario):
    model = CertificationBody

    @classmethod
    def make(cls, cast: Cast, unit):
        return CertificationBody.objects.create(unit=unit, name=unique("body"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "name": unique("new-body")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"accreditation": "Accredited by a national body"}


@scenario
class CertificateScenario(Scenario):
    model = Certificate

    @classmethod
    def make(cls, cast: Cast, unit):
        return Certificate.objects.create(
            unit=unit, number=unique("cert"), decision_date=dt.date(2024, 1, 21)
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "number": unique("new-cert"), "decision_date": "2024-01-21"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "suspended"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.number
