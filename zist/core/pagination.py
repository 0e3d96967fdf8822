"""Pages of a list without counting every row of a huge table.

An exact `COUNT(*)` over tens of millions of readings takes about a second on
PostgreSQL. When a list is not filtered by the person and the planner's own estimate is
above `ZIST_ESTIMATE_ABOVE`, the paginator takes that estimate as "about N" and finds
whether a next page exists by reading one row more than a page. The estimate is the
table's (`pg_class.reltuples`, summed over partitions) when nothing restricts the rows,
else the plan's (`EXPLAIN`) of the rows the person may see: an administrator's whole
organisation is restricted to its subtree, and is still the whole table. Lists the
person filtered, smaller ones and SQLite count exactly (decision 0028). List pages and
the API share this paginator.
"""

from __future__ import annotations

import json
import math

from django.conf import settings
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections
from django.utils.functional import cached_property

ESTIMATE_SQL = """
SELECT COALESCE(SUM(GREATEST(c.reltuples, 0)), 0), BOOL_OR(c.reltuples >= 0)
FROM pg_class c
WHERE c.oid = %s::regclass
   OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = %s::regclass)
"""


def table_estimate(model, using: str = "default") -> int | None:
    """The PostgreSQL planner's estimate of the rows of `model`'s table (with its
    partitions); None on other databases or for a table never analysed."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return None
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(ESTIMATE_SQL, [table, table])
        rows, analysed = cursor.fetchone()
    return int(rows) if analysed else None


def plan_estimate(queryset) -> int | None:
    """The PostgreSQL planner's estimate of the rows of `queryset` (planned, not run)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        return None
    sql, params = queryset.order_by().query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def estimated_count(queryset, restricted_only: bool = False) -> int | None:
    """An estimate standing for `queryset.count()`, or None when it must be counted:
    the person filtered it (searched, chose a unit) or it is not huge.
    `restricted_only`: its only conditions are the person's permissions."""
    query = getattr(queryset, "query", None)
    if query is None or query.distinct or query.combinator:
        return None
    if query.low_mark or query.high_mark is not None:
        return None
    if not query.where:
        estimate = table_estimate(queryset.model, queryset.db)
    elif restricted_only:
        estimate = plan_estimate(queryset)
    else:
        return None
    if estimate is None or estimate <= settings.ZIST_ESTIMATE_ABOVE:
        return None
    return estimate


class EstimatedPage(Page):
    """A page of a list counted by estimate: whether a next page exists was read."""

    def __init__(self, object_list, number, paginator, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self) -> bool:
        return self.more

    def end_index(self) -> int:
        return (self.number - 1) * self.paginator.per_page + len(self.object_list)


class ListPaginator(Paginator):
    """Django's paginator, taking the planner's estimate for a huge list the person did
    not filter (`estimated` tells the template to say "about")."""

    def __init__(self, *args, restricted_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.restricted_only = restricted_only

    @cached_property
    def estimate(self) -> int | None:
        return estimated_count(self.object_list, self.restricted_only)

    @property
    def estimated(self) -> bool:
        return self.estimate is not None

    @cached_property
    def count(self) -> int:
        return self.estimate if self.estimated else super().count

    @cached_property
    def num_pages(self) -> int:
        if not self.estimated:
            return super().num_pages
        return max(1, math.ceil(self.estimate / self.per_page))

    def validate_number(self, number):
        if not self.estimated:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        return number

    def page(self, number):
        if not self.estimated:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return EstimatedPage(rows[: self.per_page], number, self, len(rows) > self.per_page)

    def get_page(self, number):
        try:
            return super().get_page(number)
        except EmptyPage:
            # Beyond the last page of an estimate: the first page, not an error.
            return self.page(1)
