from zist.core.testing import Cast, Scenario, scenario, unique
from zist.organisations import services
from zist.organisations.models import Organisation, Unit


@scenario
class UnitScenario(Scenario):
    model = Unit

    @classmethod
    def make(cls, cast: Cast, unit):
        return services.create_unit(unit, name=unique("unit"), code=unique("u"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "parent": unit.pk,
            "name": unique("new-unit"),
            "code": unique("n"),
            "kind": "workplace",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"name": obj.name + " (renamed)"}


@scenario
class OrganisationScenario(Scenario):
    model = Organisation

    @classmethod
    def make(cls, cast: Cast, unit):
        return unit.organisation

    @classmethod
    def outside_unit(cls, cast: Cast):
        return cast.foreign

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {
            "name": unique("org"),
            "kind": "company",
            "language": "en",
            "calendar": "gregorian",
            "time_zone": "UTC",
            "currency": "EUR",
        }

    @classmethod
    def change(cls, obj) -> dict:
        return {"description": "changed"}
