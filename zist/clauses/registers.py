from zist.clauses.filters import ClauseFilterSet, LibraryFilterSet
from zist.clauses.forms import ClauseForm, LibraryForm
from zist.clauses.models import Clause, Library
from zist.clauses.serializers import ClauseSerializer, LibrarySerializer
from zist.clauses.tables import ClauseTable, LibraryTable
from zist.core.registry import Register, register
from zist.core.related import Related


@register
class LibraryRegister(Register):
    model = Library
    form = LibraryForm
    filterset = LibraryFilterSet
    table = LibraryTable
    serializer = LibrarySerializer
    menu_group = "check"
    slug = "libraries"
    detail_fields = ["name", "code", "unit", "builtin", "description"]
    related = [Related("clauses", limit=50)]
    natural_key = ("unit", "code")


@register
class ClauseRegister(Register):
    model = Clause
    form = ClauseForm
    filterset = ClauseFilterSet
    table = ClauseTable
    serializer = ClauseSerializer
    menu_group = "check"
    detail_fields = ["library", "number"]
    detail_template = "clauses/clause_extra.html"
    natural_key = ("library", "number")
