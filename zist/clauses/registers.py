from django.utils.translation import gettext_lazy as _

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
    # A built-in library's name is translated when read.
    detail_fields = [
        "display_name",
        "version",
        "code",
        "urn",
        "unit",
        "builtin",
        "maturity_levels",
        "description",
    ]
    labels = {"display_name": _("name")}
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
    # The number in the reader's digits (stored as typed).
    detail_fields = ["library", "display_number", "urn", "documented"]
    labels = {"display_number": _("number")}
    detail_template = "clauses/clause_extra.html"
    natural_key = ("library", "number")
