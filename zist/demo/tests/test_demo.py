"""The demo dataset: idempotent, every account logs in, scopes as the issue demands."""

import pytest
from django.core.management import call_command
from django.db.models import Count
from rest_framework.test import APIClient

from zist.demo import platform
from zist.organisations.models import Unit
from zist.users.models import User


def test_it_loads_nothing_new_the_second_time(db):
    first = platform.load()
    assert first["organisations"] == 4 and first["users"] == len(platform.ACCOUNTS)
    assert set(platform.load().values()) == {0}


def test_it_runs_the_whole_demo_command_twice_without_changes(db, capsys):
    call_command("demo", "--no-serve")
    counts = {m.__name__: m.objects.count() for m in (Unit, User)}
    history = Unit.history.count()
    call_command("demo", "--no-serve")
    assert {m.__name__: m.objects.count() for m in (Unit, User)} == counts
    assert Unit.history.count() == history
    out = capsys.readouterr().out
    assert "nothing new" in out and "district3.rep" in out and "zist-demo" in out
    # The regulator's demo accounts too, each of which exists and logs in.
    for username in ("doe.reviewer", "cement.manager", "doe.assessor1", "doe.assessor3"):
        assert f"  {username} " in out, username
        assert User.objects.get(username=username).check_password(platform.PASSWORD)


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_platform")
class TestTheLoadedDemo:
    """The demo loaded once for these tests (see demo_platform), not once per test."""

    @pytest.mark.parametrize("account", platform.ACCOUNTS, ids=lambda a: a.username)
    def test_it_lets_every_demo_account_log_in(self, client, account):
        response = client.post(
            "/en/login/", {"username": account.username, "password": platform.PASSWORD}
        )
        assert response.status_code == 302, account.username
        assert client.get(response["Location"]).status_code == 200

    def test_it_serves_persian_pages_right_to_left_with_jalali_dates(self, client):
        client.post("/en/login/", {"username": "district3.rep", "password": platform.PASSWORD})
        page = client.get("/fa/").content.decode()
        assert '<html lang="fa" dir="rtl">' in page
        assert 'class="today-date">۱۴' in page

    def test_it_keeps_district_3_away_from_district_4(self, client):
        district4 = Unit.objects.get(code="region2-d4")
        client.post("/en/login/", {"username": "district3.rep", "password": platform.PASSWORD})
        assert client.get(f"/fa/organisation/units/{district4.pk}/").status_code == 404
        assert client.get(f"/fa/organisation/units/{district4.pk}/edit/").status_code == 404
        export = b"".join(client.get("/fa/organisation/units/?export=csv").streaming_content)
        assert district4.name.encode() not in export
        api = APIClient()
        api.force_authenticate(User.objects.get(username="district3.rep"))
        assert api.get(f"/api/organisations/units/{district4.pk}/").status_code == 404
        assert (
            api.patch(f"/api/organisations/units/{district4.pk}/", {"name": "x"}).status_code == 404
        )

    def test_it_shows_region_2s_manager_the_ten_certified_units_and_nothing_of_albertslund(self):
        manager = User.objects.get(username="region2.manager")
        visible = Unit.objects.restrict(manager, "view")
        kinds = dict(visible.order_by().values_list("kind").annotate(n=Count("id")))
        assert kinds == {"region": 1, "district": 9, "office": 1}
        assert not visible.filter(organisation__name="Albertslund Kommune").exists()
