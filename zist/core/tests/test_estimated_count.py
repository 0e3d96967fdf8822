"""A huge unfiltered list on PostgreSQL shows "about N" (the planner's estimate) and
pages without counting every row; filtered lists and SQLite count exactly."""

from unittest import mock

import pytest
from django.db import connection
from django.urls import reverse

from zist.actions.models import Action
from zist.core import pagination
from zist.core.pagination import ListPaginator, estimated_count, table_estimate
from zist.users.roles import Role

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's estimate is PostgreSQL's"
)


@pytest.fixture
def actions(cast):
    return [Action.objects.create(unit=cast.inside, title=f"Action {i}") for i in range(7)]


def test_it_counts_exactly_on_sqlite_and_below_the_threshold(actions, settings):
    settings.ZIST_ESTIMATE_ABOVE = 0 if connection.vendor != "postgresql" else 10**9
    paginator = ListPaginator(Action.objects.order_by("pk"), 3)
    assert (paginator.estimated, paginator.count, paginator.num_pages) == (False, 7, 3)


@postgresql_only
def test_it_reads_the_planner_s_estimate(actions):
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Action._meta.db_table}")
    assert table_estimate(Action) is not None


def test_it_never_estimates_a_filtered_list(actions, settings):
    settings.ZIST_ESTIMATE_ABOVE = 0
    with mock.patch.object(pagination, "table_estimate", return_value=10**6):
        assert estimated_count(Action.objects.filter(title__contains="1")) is None
        assert estimated_count(Action.objects.all()) == 10**6


def test_it_pages_an_estimated_list_by_reading_one_row_more(actions, settings):
    settings.ZIST_ESTIMATE_ABOVE = 0
    with mock.patch.object(pagination, "table_estimate", return_value=5):
        paginator = ListPaginator(Action.objects.order_by("pk"), 3)
        first, last = paginator.get_page(1), paginator.get_page(3)
        assert paginator.estimated and paginator.num_pages == 2
        assert first.has_next() and len(first.object_list) == 3
        # The estimate said two pages; the third still exists and is reachable.
        assert [a.title for a in last.object_list] == ["Action 6"] and not last.has_next()
        assert paginator.get_page(9).number == 1


def test_it_says_about_on_the_list_page(actions, cast, make_user, client, settings):
    settings.ZIST_ESTIMATE_ABOVE = 0
    client.force_login(make_user(Role.ADMINISTRATOR, cast.tehran_root))
    with mock.patch.object(pagination, "table_estimate", return_value=123456):
        html = client.get(reverse("actions:action_list"), {"q": "Action"}).content.decode()
    # A list the person filtered is counted.
    assert "about" not in html and "7 records" in html
    client.force_login(cast.superuser)
    with mock.patch.object(pagination, "table_estimate", return_value=123456):
        html = client.get(reverse("actions:action_list")).content.decode()
        api = client.get("/api/actions/actions/").json()
    assert "about 123,456 records" in html
    assert api["count"] == 123456 and api["count_is_estimate"] is True
    assert len(api["results"]) == 7 and api["next"] is None


@postgresql_only
def test_it_estimates_an_administrator_s_whole_organisation_from_the_plan(
    actions, cast, make_user, client, settings
):
    settings.ZIST_ESTIMATE_ABOVE = 0
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Action._meta.db_table}")
    client.force_login(make_user(Role.ADMINISTRATOR, cast.tehran_root))
    html = client.get(reverse("actions:action_list")).content.decode()
    assert "about" in html
    html = client.get(reverse("actions:action_list"), {"status": "open"}).content.decode()
    assert "about" not in html and "7 records" in html
