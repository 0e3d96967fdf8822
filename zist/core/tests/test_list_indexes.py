"""The registers' lists read their search and their sorts from indexes
(zist.core.list_indexes): on PostgreSQL every register's free-text search has a trigram
index (decision 0029; SQLite has none and searches by scanning), and on both databases
each column a growing register's list sorts by has a (column, id) index (decision 0032)."""

import datetime

import pytest
from django.db import connection

from zist.actions.filters import ActionFilterSet
from zist.actions.models import Action
from zist.actions.tables import ActionTable
from zist.core import list_indexes
from zist.core.list_indexes import SEARCH, SORT

pytestmark = pytest.mark.django_db

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's"
)


def _have() -> dict[str, str]:
    """Zist's own list indexes on the database: name → definition."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes "
                r"WHERE indexname LIKE 'zist\_trgm\_%' OR indexname LIKE 'zist\_sort\_%'"
            )
        else:
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'zist_%'"
            )
        return dict(cursor.fetchall())


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The tables are tiny here, so forbid the scan and sort PostgreSQL would
            # rightly prefer: the plan shows the query *can* be answered from the index.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        # A plan line is the last column on both (SQLite adds ids before it).
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def test_every_register_search_field_has_its_index_wanted():
    wanted = list_indexes.wanted()
    searched = {where for name, where in wanted.items() if name.startswith(SEARCH)}
    assert ("actions_action", "title") in searched
    assert ("actions_action", "description") in searched
    assert "organisations_unit" in {table for table, _column in searched}
    # Names fit PostgreSQL's 63 characters and are told apart from the apps' own.
    assert all(len(name) <= 63 and name.startswith((SEARCH, SORT)) for name in wanted)


def test_a_growing_register_has_an_index_for_each_column_it_sorts_by():
    sorted_ = {where for name, where in list_indexes.wanted().items() if name.startswith(SORT)}
    actions = {column for table, column in sorted_ if table == "actions_action"}
    # ActionTable: title, kind, unit, owner, due_date, status, progress.
    # unit and owner sort by the related record's own order; due_date already leads
    # the list's default order index (due_date, id).
    assert actions == {"title", "kind", "status", "progress"}
    # Registers that do not grow (a city has a few hundred aspects) get none.
    assert not {table for table, _column in sorted_} & {"aspects_aspect", "organisations_unit"}


def test_the_database_has_exactly_the_wanted_indexes():
    have = _have()
    wanted = {
        name
        for name in list_indexes.wanted()
        if connection.vendor == "postgresql" or name.startswith(SORT)
    }
    assert set(have) == wanted
    title = list_indexes.index_name("actions_action", "title", SORT)
    # PostgreSQL's indexdef and SQLite's sql both end with the columns.
    assert have[title].replace('"', "").endswith("(title, id)"), have[title]
    if connection.vendor == "postgresql":
        search = list_indexes.index_name("actions_action", "title", SEARCH)
        assert "gin_trgm_ops" in have[search]


@pytest.mark.parametrize("prefix", [SORT, pytest.param(SEARCH, marks=needs_postgresql)])
def test_a_stale_index_is_dropped_and_a_missing_one_made_again(prefix):
    name = list_indexes.index_name("actions_action", "title", prefix)
    gone = f"{prefix}gone"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute(f'CREATE INDEX "{gone}" ON "actions_action" ("title")')
    created, dropped = list_indexes.sync()
    assert (created, dropped) == ([name], [gone])
    assert list_indexes.sync() == ([], [])
    assert name in _have() and gone not in _have()


@needs_postgresql
def test_a_list_search_reads_the_index(cast):
    queryset = ActionFilterSet({"q": "heating"}, queryset=Action.objects.all()).qs
    # Unordered, as the page's count asks (ordered, a tiny table is read along the
    # order's index instead).
    plan = _plan(queryset.order_by())
    assert list_indexes.index_name("actions_action", "title", SEARCH) in plan, plan
    assert list_indexes.index_name("actions_action", "description", SEARCH) in plan, plan


@pytest.mark.parametrize("sort", ["title", "-title", "status", "-progress"])
def test_a_sorted_list_reads_its_column_index_both_ways(cast, sort):
    table = ActionTable(Action.objects.all(), sort=sort)
    plan = _plan(table.queryset[:50])
    name = list_indexes.index_name("actions_action", sort.lstrip("-"), SORT)
    assert name in plan, plan


def test_ties_follow_the_sort_direction(cast):
    unit = cast.inside
    made = [
        Action.objects.create(unit=unit, title="Same title", due_date=datetime.date(2026, 1, 1))
        for _ in range(3)
    ]
    ids = [a.pk for a in made]
    ascending = [a.pk for a in ActionTable(Action.objects.filter(pk__in=ids), "title").queryset]
    descending = [a.pk for a in ActionTable(Action.objects.filter(pk__in=ids), "-title").queryset]
    assert ascending == sorted(ids)
    assert descending == sorted(ids, reverse=True)
