from zist.clauses.models import Clause, Library
from zist.core.filters import ZistFilterSet


class LibraryFilterSet(ZistFilterSet):
    search_fields = ("code", "name", "description")

    class Meta:
        model = Library
        fields = ["unit", "builtin"]


class ClauseFilterSet(ZistFilterSet):
    search_fields = ("number", "title", "question")

    class Meta:
        model = Clause
        fields = ["library"]
