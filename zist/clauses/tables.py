from django.utils.translation import gettext_lazy as _

from zist.clauses.models import Clause, Library
from zist.core.tables import Column, Table


class LibraryTable(Table):
    model = Library
    columns = [
        # A built-in library's name is translated when read (Library.__str__).
        Column("display_name", verbose_name=_("name"), orderable=False, link=True),
        "version",
        "code",
        "unit",
        "builtin",
    ]


class ClauseTable(Table):
    model = Clause
    columns = [
        Column("display_number", verbose_name=_("number"), orderable=False),
        Column("display_title", verbose_name=_("title"), orderable=False, link=True),
        "library",
    ]
    default_ordering = "sort_key"
