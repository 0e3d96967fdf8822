import datetime as dt

from django.urls import reverse

from zist.communication.models import Event
from zist.training.testing import make_person
from zist.users.roles import Role


def test_it_shows_each_representatives_seminar_attendance(cast, make_user, client):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.tehran_root)
    rep3 = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    rep4 = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.outside)
    unit_model = type(cast.inside)
    unit_model.objects.filter(pk=cast.inside.pk).update(representative=rep3)
    unit_model.objects.filter(pk=cast.outside.pk).update(representative=rep4)
    person3 = make_person(cast.inside, user=rep3)
    make_person(cast.outside, user=rep4)
    # Iranian year 1404 runs 21 March 2025 – 20 March 2026.
    spring = Event.objects.create(unit=cast.region, title="Spring", date=dt.date(2025, 4, 1))
    autumn = Event.objects.create(unit=cast.region, title="Autumn", date=dt.date(2025, 10, 1))
    Event.objects.create(unit=cast.region, title="Last year", date=dt.date(2025, 3, 1))
    Event.objects.create(
        unit=cast.region, title="Fair", kind="exhibition", date=dt.date(2025, 5, 1)
    )
    spring.participants.add(person3)
    autumn.participants.add(person3)
    client.force_login(manager)
    page = client.get(reverse("communication:representatives"), {"year": "1404"})
    assert page.status_code == 200
    assert [s.title for s in page.context["seminars"]] == ["Spring", "Autumn"]
    rows = {row["unit"].pk: row for row in page.context["rows"]}
    assert rows[cast.inside.pk]["attended"] == [True, True]
    assert rows[cast.outside.pk]["attended"] == [False, False]
    assert rows[cast.outside.pk]["representative"] == rep4


def test_it_shows_only_units_in_the_users_reach(cast, make_user, client):
    rep3 = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    rep4 = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.outside)
    type(cast.inside).objects.filter(pk=cast.inside.pk).update(representative=rep3)
    type(cast.inside).objects.filter(pk=cast.outside.pk).update(representative=rep4)
    client.force_login(rep3)
    page = client.get(reverse("communication:representatives"))
    assert [row["unit"].pk for row in page.context["rows"]] == [cast.inside.pk]
