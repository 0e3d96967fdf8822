from zist.clauses.models import Clause, Library
from zist.core.testing import Cast, Scenario, scenario, unique


@scenario
class LibraryScenario(Scenario):
    model = Library

    @classmethod
    def make(cls, cast: Cast, unit):
        return Library.objects.create(unit=unit, code=unique("lib"), name=unique("library"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        return {"unit": unit.pk, "code": unique("new-lib"), "name": unique("ISO 50001")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"description": "Energy management criteria."}


@scenario
class ClauseScenario(Scenario):
    model = Clause

    @classmethod
    def make(cls, cast: Cast, unit):
        library = Library.objects.create(unit=unit, code=unique("lib"), name=unique("library"))
        return Clause.objects.create(library=library, number="4.1", title=unique("clause"))

    @classmethod
    def payload(cls, cast: Cast, unit) -> dict:
        library = Library.objects.create(unit=unit, code=unique("lib"), name=unique("library"))
        return {"library": library.pk, "number": "6.3", "title": unique("new-clause")}

    @classmethod
    def change(cls, obj) -> dict:
        return {"question": "Are energy baselines set?"}

    @classmethod
    def label(cls, obj) -> str:
        return obj.title
