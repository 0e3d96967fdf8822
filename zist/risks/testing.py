from zist.core.testing import Cast, Scenario, scenario, unique
from zist.risks.models import Risk, RiskBand, RiskMatrix


def make_matrix(unit) -> RiskMatrix:
    """A standard 5 × 5 matrix: low from 1, medium from 5, high from 10, very high from
    15."""
    matrix = RiskMatrix.objects.create(unit=unit, name=unique("matrix"))
    for level, minimum, colour in (
        ("low", 1, "#2e7d4f"),
        ("medium", 5, "#f2c94c"),
        ("high", 10, "#f2994a"),
        ("very_high", 15, "#eb5757"),
    ):
        RiskBand.objects.create(matrix=matrix, level=level, minimum=minimum, colour=colour)
    return matrix


@scenario
class RiskMatrixScenario(Scenario):
    model = RiskMatrix

    @classmethod
    def make(cls, cast: Cast, unit):
        return RiskMatrix.objects.create(unit=unit, name=unique("matrix"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "name": unique("new-matrix"), "likelihood_levels": 4}

    @classmethod
    def change(cls, obj) -> dict:
        return {"consequence_levels": 4}


@scenario
class RiskBandScenario(Scenario):
    model = RiskBand

    @classmethod
    def make(cls, cast: Cast, unit):
        matrix = RiskMatrixScenario.make(cast, unit)
        return RiskBand.objects.create(matrix=matrix, level="high", name=unique("band"), minimum=10)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        matrix = RiskMatrixScenario.make(cast, unit)
        return {"matrix": matrix.pk, "level": "low", "name": unique("new-band"), "minimum": 1}

    @classmethod
    def change(cls, obj) -> dict:
        return {"colour": "#ff0000"}


@scenario
class RiskScenario(Scenario):
    model = Risk

    @classmethod
    def make(cls, cast: Cast, unit):
        return Risk.objects.create(
            unit=unit, title=unique("risk"), matrix=make_matrix(unit), likelihood=2, consequence=3
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        make_matrix(unit)
        return {"unit": unit.pk, "title": unique("new-risk"), "likelihood": 4, "consequence": 4}

    @classmethod
    def change(cls, obj) -> dict:
        return {"residual_likelihood": 1, "residual_consequence": 3}
