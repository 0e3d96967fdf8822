import datetime as dt

from zist.core.testing import Cast, Scenario, scenario, unique
from zist.reporting.models import Figure, Kpi, Programme, Sector, Submission


def programme_on(unit) -> Programme:
    return Programme.objects.create(
        unit=unit,
        code=unique("prog"),
        name=unique("programme"),
        year=2025,
        due_date=dt.date(2026, 6, 30),
        reference_name="product",
        reference_unit="t",
    )


def submission_on(cast: Cast, unit) -> Submission:
    """A submission of `unit` to a programme run by another organisation (the
    foreign one stands in for the regulator)."""
    programme = programme_on(cast.foreign)
    sector = Sector.objects.create(programme=programme, code=unique("C"), name="Cement")
    Kpi.objects.create(programme=programme, code="ENERGY", name="Energy", measure_unit="MWh")
    return Submission.objects.create(programme=programme, unit=unit, sector=sector)


@scenario
class ProgrammeScenario(Scenario):
    model = Programme

    @classmethod
    def make(cls, cast: Cast, unit):
        return programme_on(unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "unit": unit.pk,
            "code": unique("new"),
            "name": unique("new-programme"),
            "year": 2025,
            "due_date": "2026-06-30",
            "reference_name": "product",
            "reference_unit": "t",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"status": "open"}


@scenario
class SectorScenario(Scenario):
    model = Sector

    @classmethod
    def label(cls, obj) -> str:
        return obj.name

    @classmethod
    def make(cls, cast: Cast, unit):
        return Sector.objects.create(
            programme=programme_on(unit), code=unique("S"), name=unique("sector")
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"programme": programme_on(unit).pk, "code": unique("N"), "name": "Steel"}

    @classmethod
    def change(cls, obj) -> dict:
        return {"name": "Basic iron and steel"}


@scenario
class KpiScenario(Scenario):
    model = Kpi

    @classmethod
    def label(cls, obj) -> str:
        return obj.name

    @classmethod
    def make(cls, cast: Cast, unit):
        return Kpi.objects.create(
            programme=programme_on(unit), code=unique("K"), name=unique("kpi"), measure_unit="MWh"
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "programme": programme_on(unit).pk,
            "code": "WATER",
            "name": "Water",
            "measure_unit": "m³",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"maximum": "1000"}


@scenario
class SubmissionScenario(Scenario):
    model = Submission

    @classmethod
    def make(cls, cast: Cast, unit):
        return submission_on(cast, unit)

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        # Submissions come from invitations: the API offers no way to add one.
        programme = programme_on(cast.foreign)
        sector = Sector.objects.create(programme=programme, code=unique("C"), name="Steel")
        return {"programme": programme.pk, "unit": unit.pk, "sector": sector.pk}

    @classmethod
    def change(cls, obj) -> dict:
        return {"reference_value": "1250", "comment": "Kiln 2 stopped in Dey."}

    @classmethod
    def label(cls, obj) -> str:
        return obj.programme.name


@scenario
class FigureScenario(Scenario):
    model = Figure

    @classmethod
    def make(cls, cast: Cast, unit):
        submission = submission_on(cast, unit)
        return Figure.objects.create(
            submission=submission,
            kpi=submission.programme.kpis.get(),
            value=unique("1").split("-")[1],
        )

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        submission = submission_on(cast, unit)
        return {
            "submission": submission.pk,
            "kpi": submission.programme.kpis.get().pk,
            "value": "12.5",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"value": "13.25"}

    @classmethod
    def label(cls, obj) -> str:
        return str(obj.submission.programme)
