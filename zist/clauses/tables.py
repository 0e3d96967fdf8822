from django.utils.translation import gettext_lazy as _

from zist.clauses.models import Clause, Library
from zist.core.tables import Column, Table


class LibraryTable(Table):
    model = Library
    columns = [
        Column("display_name", verbose_name=_("name"), orderable=False, link=True),
        "version",
        "code",
        "unit",
        "builtin",
    ]


class ClauseTable(Table):
    model = Clause
    columns = [
        Column("number"),
        Column("display_title", verbose_name=_("title"), orderable=False, link=True),
        "library",
    ]
    default_ordering = "sort_key"
