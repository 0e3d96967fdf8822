import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.obligations.models import ComplianceEvaluation, Obligation


@scenario
class ObligationScenario(Scenario):
    model = Obligation

    @classmethod
    def make(cls, cast: Cast, unit):
        return Obligation.objects.create(
            unit=unit, reference=unique("REF"), title=unique("obligation"), kind="law"
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "reference": unique("NEW"),
            "title": unique("new-obligation"),
            "kind": "permit",
            "expires_on": "2031-12-31",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"frequency_months": 6}

    @classmethod
    def label(cls, obj) -> str:
        return obj.title


@scenario
class ComplianceEvaluationScenario(Scenario):
    model = ComplianceEvaluation

    @classmethod
    def make(cls, cast: Cast, unit):
        obligation = ObligationScenario.make(cast, unit)
        return ComplianceEvaluation.objects.create(
            obligation=obligation, unit=unit, evaluated_on=dt.date(2025, 5, 1), result="compliant"
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        obligation = ObligationScenario.make(cast, unit)
        return {
            "obligation": obligation.pk,
            "unit": unit.pk,
            "evaluated_on": "2025-06-01",
            "result": "partly",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"result": "not_compliant", "notes": "Waste log incomplete"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.obligation.title
