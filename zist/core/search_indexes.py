"""Trigram indexes for the free-text search of every register, on PostgreSQL.

A list's search (`ZistFilterSet.search`) and a typed look-up (`lookups.search`) ask
`UPPER(column) LIKE UPPER('%words%')` of the register's search fields: without an index
PostgreSQL reads the whole table, twice with the page's count. A GIN index of
`UPPER(column)` with pg_trgm's operator class answers such a pattern (three characters
or more) from the index.

The indexes follow the registers' declarations rather than each app's migrations: a
register that adds or drops a search field gets or loses its index at the next
`migrate` (the post_migrate handler below), as a new register gets its menu entry and
its generic tests, without a line outside its app. They are named `zist_trgm_…`, so
the handler can tell its own from the apps' and drop those nobody declares any more.
SQLite has no such index; its search stays a scan (decision 0029).
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import FieldDoesNotExist
from django.db import connections, models

PREFIX = "zist_trgm_"


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


def index_name(table: str, column: str) -> str:
    digest = hashlib.sha1(f"{table}.{column}".encode()).hexdigest()[:8]
    return f"{PREFIX}{table[:30]}_{column[:12]}_{digest}"


def wanted() -> dict[str, tuple[str, str]]:
    """Index name → (table, column) for every register's search fields."""
    from zist.core import lookups
    from zist.core.registry import registers

    found = {}
    for register in registers():
        model = register.model
        names = set(getattr(register.filterset, "search_fields", ()) or ())
        names |= set(lookups.search_fields(model))
        for column in _text_columns(model, sorted(names)):
            table = model._meta.db_table
            found[index_name(table, column)] = (table, column)
    return found


def sync(using: str = "default") -> tuple[list[str], list[str]]:
    """Create the missing trigram indexes and drop Zist's own that no register wants;
    returns (created, dropped). Nothing on a database other than PostgreSQL."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return [], []
    want = wanted()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # pg_trgm is a trusted extension since PostgreSQL 13: the database's owner,
        # who runs `migrate`, may add it.
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname LIKE %s",
            [PREFIX.replace("_", r"\_") + "%"],
        )
        have = {row[0] for row in cursor.fetchall()}
        created = sorted(want.keys() - have)
        dropped = sorted(have - want.keys())
        for name in created:
            table, column = want[name]
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} "
                f"USING gin (UPPER({quote(column)}) gin_trgm_ops)"
            )
        for name in dropped:
            cursor.execute(f"DROP INDEX IF EXISTS {quote(name)}")
    return created, dropped


def on_post_migrate(sender, using="default", **kwargs) -> None:
    sync(using)
