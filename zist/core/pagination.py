"""Pages of a list without counting every row of a huge table.

An exact `COUNT(*)` over tens of millions of readings takes about a second on
PostgreSQL. When a list is not filtered by the person and the planner's own estimate is
above `ZIST_ESTIMATE_ABOVE`, the paginator takes that estimate as "about N" and finds
whether a next page exists by reading one row more than a page. Whether the list is
that big is found by counting no further than the threshold; the estimate is the plan's
(`EXPLAIN`) of the rows the person may see (an administrator's whole organisation is
restricted to its subtree, and is still the whole table). Lists the
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


def estimates(connection) -> bool:
    """Whether lists on `connection` may be estimated (PostgreSQL's planner; SQLite
    keeps exact counts)."""
    return connection.vendor == "postgresql"


def plan_estimate(queryset) -> int:
    """The PostgreSQL planner's estimate of the rows of `queryset` (planned, not run)."""
    sql, params = queryset.order_by().query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def count_or_estimate(queryset, restricted_only: bool = False) -> tuple[int, bool] | None:
    """(rows, estimated) standing for `queryset.count()`, or None to count as Django
    does: on SQLite, or when the person filtered the list (`restricted_only`: its only
    conditions are the person's permissions). Counting stops one row past
    `ZIST_ESTIMATE_ABOVE` (one query, as the plain count was): below, that is the exact
    count; above, the list is huge and the planner's estimate is taken instead."""
    query = getattr(queryset, "query", None)
    if query is None or not estimates(connections[queryset.db]):
        return None
    if query.distinct or query.combinator or query.low_mark or query.high_mark is not None:
        return None
    if query.where and not restricted_only:
        return None
    limit = settings.ZIST_ESTIMATE_ABOVE
    rows = queryset.order_by()[: limit + 1].count()
    if rows <= limit:
        return rows, False
    # Statistics older than the rows (a bulk load not yet analysed) never say fewer
    # than were just seen.
    return max(rows, plan_estimate(queryset)), True


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
    def _counted(self) -> tuple[int, bool]:
        counted = count_or_estimate(self.object_list, self.restricted_only)
        return counted if counted is not None else (super().count, False)

    @property
    def estimated(self) -> bool:
        return self._counted[1]

    @cached_property
    def count(self) -> int:
        return self._counted[0]

    @cached_property
    def num_pages(self) -> int:
        if not self.estimated:
            return super().num_pages
        return max(1, math.ceil(self.count / self.per_page))

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
