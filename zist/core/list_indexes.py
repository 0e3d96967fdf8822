"""Indexes for the registers' lists: a search's and a column sort's, kept from the
registers' declarations.

- **Search (PostgreSQL).** A list's search (`ZistFilterSet.search`) and a typed look-up
  (`lookups.search`) ask `UPPER(column) LIKE UPPER('%words%')` of the register's search
  fields: without an index PostgreSQL reads the whole table, twice with the page's
  count. A GIN index of `UPPER(column)` with pg_trgm's operator class answers such a
  pattern (three characters or more) from the index. SQLite has none; its search stays
  a scan (decision 0029).
- **Sort (both databases).** A register that grows with use (`Register.grows`: tens of
  thousands of records a year) gets an index on (column, id) for each column its list
  can be sorted by, so that a page of a list sorted by a column is read along the index
  instead of sorting every row (the table sorts by the column, then by id in the same
  direction: one index serves both; decision 0032). Relations sort by the related
  record's own order and text that may be long is not indexed (a btree entry has a
  size limit): those columns still sort the rows.

The indexes follow the registers' declarations rather than each app's migrations: a
register that adds or drops a search field or a column gets or loses its index at the
next `migrate` (the post_migrate handler below), as a new register gets its menu entry
and its generic tests, without a line outside its app. They are named `zist_trgm_…`
and `zist_sort_…`, so the handler can tell its own from the apps' and drop those
nobody declares any more.
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import FieldDoesNotExist
from django.db import connections, models

SEARCH = "zist_trgm_"
SORT = "zist_sort_"
# Characters of a text column a sort index may hold: 4 bytes a character in UTF-8 stays
# below a btree entry's limit (~2 700 bytes on PostgreSQL).
LONGEST_SORTED_TEXT = 500


def _text_columns(model, names) -> list[str]:
    """The model's own text columns among `names` (a search through a relation is
    answered by the related table's index, or not at all)."""
    columns = []
    for name in names:
        if "__" in name:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a name that is not a field: nothing to index
            continue
        if isinstance(field, models.CharField | models.TextField) and field.concrete:
            columns.append(field.column)
    return columns


def _sorted_columns(register) -> list[str]:
    """The columns a growing register's list may be sorted by that an index can give
    in order: the model's own plain fields, not a relation nor long text, and not
    already leading one of the model's indexes (the list's default order)."""
    model = register.model
    led = {tuple(index.fields[:2]) for index in model._meta.indexes}
    columns = []
    for column in register.table.columns:
        name = getattr(column, "accessor", column)
        if not getattr(column, "orderable", True) or "__" in name:
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a property: not sortable in the database
            continue
        if not field.concrete or field.is_relation or isinstance(field, models.TextField):
            continue
        if isinstance(field, models.CharField) and (
            field.max_length is None or field.max_length > LONGEST_SORTED_TEXT
        ):
            continue
        if {(name,), (name, "id"), (name, "pk")} & led:
            continue
        columns.append(field.column)
    return columns


def index_name(table: str, column: str, prefix: str = SEARCH) -> str:
    digest = hashlib.sha1(f"{table}.{column}".encode()).hexdigest()[:8]
    return f"{prefix}{table[:30]}_{column[:12]}_{digest}"


def wanted() -> dict[str, tuple[str, str]]:
    """Index name → (table, column) for every register's search fields and every
    growing register's sorted columns."""
    from zist.core import lookups
    from zist.core.registry import registers

    found = {}
    for register in registers():
        model = register.model
        table = model._meta.db_table
        names = set(getattr(register.filterset, "search_fields", ()) or ())
        names |= set(lookups.search_fields(model))
        for column in _text_columns(model, sorted(names)):
            found[index_name(table, column, SEARCH)] = (table, column)
        if register.grows:
            for column in _sorted_columns(register):
                found[index_name(table, column, SORT)] = (table, column)
    return found


def _definition(connection, name: str, column: str) -> str:
    quote = connection.ops.quote_name
    if name.startswith(SEARCH):
        return f"USING gin (UPPER({quote(column)}) gin_trgm_ops)"
    return f"({quote(column)}, {quote('id')})"


def _existing(connection, cursor) -> set[str]:
    """Zist's own list indexes on the database (both prefixes)."""
    if connection.vendor == "postgresql":
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
            r"AND (indexname LIKE 'zist\_trgm\_%' OR indexname LIKE 'zist\_sort\_%')"
        )
    else:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' "
            r"AND (name LIKE 'zist\_trgm\_%' ESCAPE '\' OR name LIKE 'zist\_sort\_%' ESCAPE '\')"
        )
    return {row[0] for row in cursor.fetchall()}


def sync(using: str = "default") -> tuple[list[str], list[str]]:
    """Create the missing list indexes and drop Zist's own that no register wants;
    returns (created, dropped). Trigram indexes on PostgreSQL only."""
    connection = connections[using]
    postgresql = connection.vendor == "postgresql"
    want = {
        name: where for name, where in wanted().items() if postgresql or not name.startswith(SEARCH)
    }
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if postgresql:
            # pg_trgm is a trusted extension since PostgreSQL 13: the database's owner,
            # who runs `migrate`, may add it.
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        have = _existing(connection, cursor)
        created = sorted(want.keys() - have)
        dropped = sorted(have - want.keys())
        for name in created:
            table, column = want[name]
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} "
                + _definition(connection, name, column)
            )
        for name in dropped:
            cursor.execute(f"DROP INDEX IF EXISTS {quote(name)}")
    return created, dropped


def on_post_migrate(sender, using="default", **kwargs) -> None:
    sync(using)
