"""On PostgreSQL every register's free-text search is answered by a trigram index
(zist.core.search_indexes, decision 0029); SQLite has none and searches by scanning."""

import pytest
from django.db import connection

from zist.actions.filters import ActionFilterSet
from zist.actions.models import Action
from zist.core import search_indexes

pytestmark = pytest.mark.django_db

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's"
)


def test_every_register_search_field_has_its_index_wanted():
    wanted = search_indexes.wanted()
    tables = {table for table, _column in wanted.values()}
    assert ("actions_action", "title") in wanted.values()
    assert ("actions_action", "description") in wanted.values()
    assert "organisations_unit" in tables
    # Names fit PostgreSQL's 63 characters and are told apart from the apps' own.
    assert all(len(name) <= 63 and name.startswith("zist_trgm_") for name in wanted)


@needs_postgresql
def test_the_database_has_exactly_the_wanted_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'zist\\_trgm\\_%'"
        )
        have = dict(cursor.fetchall())
    assert set(have) == set(search_indexes.wanted())
    assert "gin_trgm_ops" in have[search_indexes.index_name("actions_action", "title")]


@needs_postgresql
def test_a_stale_index_is_dropped_and_a_missing_one_made_again():
    name = search_indexes.index_name("actions_action", "title")
    with connection.cursor() as cursor:
        cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute('CREATE INDEX "zist_trgm_gone" ON "actions_action" ("title")')
    created, dropped = search_indexes.sync()
    assert (created, dropped) == ([name], ["zist_trgm_gone"])
    assert search_indexes.sync() == ([], [])


@needs_postgresql
def test_a_list_search_reads_the_index(cast):
    queryset = ActionFilterSet({"q": "heating"}, queryset=Action.objects.all()).qs
    # Unordered, as the page's count asks (ordered, a tiny table is read along the
    # order's index instead).
    sql, params = queryset.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        # The table is tiny here, so forbid the scan PostgreSQL would rightly prefer:
        # the plan shows the search *can* be answered from the index.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert search_indexes.index_name("actions_action", "title") in plan, plan
    assert search_indexes.index_name("actions_action", "description") in plan, plan
