from zist.core.testing import Cast, Scenario, scenario, unique
from zist.emissions.models import EmissionFactor, Instrument


@scenario
class EmissionFactorScenario(Scenario):
    model = EmissionFactor

    @classmethod
    def make(cls, cast: Cast, unit):
        return EmissionFactor.objects.create(
            unit=unit,
            carrier="electricity",
            value="0.5",
            factor_unit="kg/kWh",
            region="IR",
            valid_from=2024,
            source=unique("grid-factor"),
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "carrier": "electricity",
            "value": "0.61",
            "factor_unit": "kg/kWh",
            "region": "IR",
            "valid_from": 2025,
            "source": unique("grid-factor"),
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"value": "0.55"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.source


@scenario
class InstrumentScenario(Scenario):
    model = Instrument

    @classmethod
    def make(cls, cast: Cast, unit):
        return Instrument.objects.create(
            unit=unit, year=2024, kind="guarantee_of_origin", quantity=1000, reference=unique("GO")
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "year": 2024,
            "kind": "ppa",
            "quantity": "5000",
            "reference": unique("PPA"),
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"factor": "0.01"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.reference
