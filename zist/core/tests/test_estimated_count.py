"""A huge list nobody filtered shows "about N" (PostgreSQL's planner estimate) and pages
without counting every row; filtered lists, smaller ones and SQLite count exactly."""

import re
from unittest import mock

import pytest
from django.db import connection
from django.urls import reverse

from zist.actions.models import Action
from zist.core import pagination
from zist.core.pagination import ListPaginator, count_or_estimate, plan_estimate
from zist.users.roles import Role

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's estimate is PostgreSQL's"
)


@pytest.fixture
def actions(cast):
    return [Action.objects.create(unit=cast.inside, title=f"Action {i}") for i in range(7)]


@pytest.fixture
def planner(settings):
    """Every list above 3 rows is huge, and the planner (on any database) says 5."""
    settings.ZIST_ESTIMATE_ABOVE = 3
    with (
        mock.patch.object(pagination, "estimates", return_value=True),
        mock.patch.object(pagination, "plan_estimate", return_value=5),
    ):
        yield


def test_it_counts_exactly_on_sqlite_and_below_the_threshold(actions, settings):
    settings.ZIST_ESTIMATE_ABOVE = 0 if connection.vendor != "postgresql" else 100
    paginator = ListPaginator(Action.objects.order_by("pk"), 3, restricted_only=True)
    assert (paginator.estimated, paginator.count, paginator.num_pages) == (False, 7, 3)


@postgresql_only
def test_it_reads_the_planner_s_estimate(actions):
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Action._meta.db_table}")
    assert plan_estimate(Action.objects.all()) >= 1


def test_it_never_estimates_a_list_the_person_filtered(actions, planner):
    assert count_or_estimate(Action.objects.filter(title__contains="Action")) is None
    # Never fewer than counted: the planner's 5 is stale, 4 (threshold + 1) were seen.
    assert count_or_estimate(Action.objects.all()) == (5, True)


def test_it_pages_an_estimated_list_by_reading_one_row_more(actions, planner):
    paginator = ListPaginator(Action.objects.order_by("pk"), 3)
    first, last = paginator.get_page(1), paginator.get_page(3)
    assert paginator.estimated and paginator.num_pages == 2
    assert first.has_next() and len(first.object_list) == 3
    # The estimate said two pages; the third still exists and is reachable.
    assert [a.title for a in last.object_list] == ["Action 6"] and not last.has_next()
    assert paginator.get_page(9).number == 1


def test_it_says_about_on_the_list_page_and_in_the_api(actions, cast, make_user, client, planner):
    client.force_login(make_user(Role.ADMINISTRATOR, cast.tehran_root))
    html = client.get(reverse("actions:action_list"), {"q": "Action"}).content.decode()
    # A list the person filtered is counted.
    assert "about" not in html and "7 records" in html
    html = client.get(reverse("actions:action_list")).content.decode()
    api = client.get("/api/actions/actions/").json()
    assert "about 5 records" in html
    assert api["count"] == 5 and api["count_is_estimate"] is True
    assert len(api["results"]) == 7 and api["next"] is None
    assert "count_is_estimate" not in client.get("/api/actions/actions/?status=open").json()


@postgresql_only
def test_it_estimates_an_administrator_s_whole_organisation_from_the_plan(
    actions, cast, make_user, client, settings
):
    settings.ZIST_ESTIMATE_ABOVE = 3
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Action._meta.db_table}")
    client.force_login(make_user(Role.ADMINISTRATOR, cast.tehran_root))
    html = client.get(reverse("actions:action_list")).content.decode()
    assert re.search(r"about \d+ records", html)
    html = client.get(reverse("actions:action_list"), {"status": "open"}).content.decode()
    assert "about" not in html and "7 records" in html
