"""A list page costs the same number of queries for 3 rows as for 60."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from zist.actions.models import Action
from zist.core.registry import registers
from zist.core.testing import scenarios, unique
from zist.organisations import services
from zist.users.roles import Role


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, {"per_page": 100}).status_code == 200
    return len(captured)


def _login(client, user) -> None:
    # The first request of a session stamps its login and last-seen times (session
    # timeouts, zist.users.sessions); later ones write it at most once a minute.
    client.force_login(user)
    client.get(reverse("home"))


@pytest.mark.parametrize("label", sorted(reg.label() for reg in registers()))
def test_it_runs_a_bounded_number_of_queries(label, cast, make_user, client):
    reg = next(r for r in registers() if r.label() == label)
    sc = scenarios()[label]
    _login(client, make_user(Role.ADMINISTRATOR, cast.tehran_root))
    url = reverse(reg.url_name("list"))

    def make_some(count: int) -> None:
        # Each on its own unit: some registers allow one object per unit.
        for _ in range(count):
            unit = services.create_unit(cast.inside, name=unique("unit"), code=unique("u"))
            sc.make(cast, unit)

    make_some(2)
    few = _queries(client, url)
    make_some(8)
    assert _queries(client, url) == few


def test_it_pins_the_query_count_of_the_action_list(cast, make_user, client):
    _login(client, make_user(Role.ADMINISTRATOR, cast.tehran_root))
    for n in range(30):
        Action.objects.create(unit=cast.inside, title=f"a{n}", owner=cast.superuser)
    # Session, user with home unit and organisation, grants (menu and restriction
    # share them), count, page, the two choice lists of the filter form, and which of
    # the linked units and owners the reader may open (one query per linked model).
    assert _queries(client, reverse("actions:action_list")) <= 9
