"""Administrators manage people, and cannot gain what they were not given: nobody
changes an account holding more power than theirs (a superuser, a role outside their
units, a role they could not grant), and nobody grants a role beyond their own."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from zist.users.forms import RoleAssignmentForm
from zist.users.models import RoleAssignment, User
from zist.users.roles import ALL, POLICY, Role

NEW_PASSWORD = "Taken-over-42!"


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


@pytest.fixture
def district_admin(cast, make_user):
    return make_user(Role.ADMINISTRATOR, cast.inside, username="district-admin")


@pytest.fixture
def stronger(cast, make_user):
    """Accounts whose home unit is the district administrator's but whose power is not:
    a superuser, the region's administrator and a viewer of the neighbouring district."""
    boss = User.objects.create_superuser("boss", "boss@example.org", "pw", home_unit=cast.inside)
    region_admin = make_user(None, cast.inside, username="region-admin")
    RoleAssignment.objects.create(user=region_admin, role=Role.ADMINISTRATOR, unit=cast.region)
    neighbour = make_user(None, cast.inside, username="neighbour")
    RoleAssignment.objects.create(user=neighbour, role=Role.VIEWER, unit=cast.outside)
    return [boss, region_admin, neighbour]


def test_an_administrator_cannot_change_a_stronger_account_through_the_api(
    district_admin, stronger
):
    api = _api(district_admin)
    for person in stronger:
        url = f"/api/users/users/{person.pk}/"
        assert api.get(url).status_code == 200  # they may still see who works there
        assert api.patch(url, {"password": NEW_PASSWORD}, format="json").status_code == 404
        assert api.patch(url, {"is_active": False}, format="json").status_code == 404
        assert api.delete(url).status_code == 404
        stored = User.objects.get(pk=person.pk)
        assert not stored.check_password(NEW_PASSWORD)
        assert stored.is_active


def test_an_administrator_cannot_log_in_as_the_superuser(cast, district_admin, stronger, client):
    boss = stronger[0]
    _api(district_admin).patch(
        f"/api/users/users/{boss.pk}/", {"password": NEW_PASSWORD}, format="json"
    )
    assert not client.login(username="boss", password=NEW_PASSWORD)


def test_an_administrator_cannot_change_a_stronger_account_through_the_pages(
    cast, district_admin, stronger, client
):
    client.force_login(district_admin)
    for person in stronger:
        detail = client.get(reverse("users:user_detail", args=[person.pk]))
        assert detail.status_code == 200
        assert detail.context["can_change"] is False
        assert detail.context["can_delete"] is False
        edit = reverse("users:user_edit", args=[person.pk])
        assert client.get(edit).status_code == 404
        posted = client.post(
            edit,
            {"username": person.username, "home_unit": cast.inside.pk, "password": NEW_PASSWORD},
        )
        assert posted.status_code == 404
        assert client.post(reverse("users:user_delete", args=[person.pk])).status_code == 404
        stored = User.objects.get(pk=person.pk)
        assert not stored.check_password(NEW_PASSWORD) and stored.is_active
    listed = client.get(reverse("users:user_list"), {"per_page": 250})
    assert {p.pk for p in stronger} <= {row["object"].pk for row in listed.context["rows"]}


def test_an_administrator_still_manages_the_people_of_their_units(
    cast, district_admin, make_user, client
):
    clerk = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside, username="clerk")
    response = _api(district_admin).patch(
        f"/api/users/users/{clerk.pk}/", {"password": NEW_PASSWORD}, format="json"
    )
    assert response.status_code == 200
    assert User.objects.get(pk=clerk.pk).check_password(NEW_PASSWORD)
    client.force_login(district_admin)
    assert client.get(reverse("users:user_edit", args=[clerk.pk])).status_code == 200


def test_nobody_makes_a_superuser_through_the_api(cast, district_admin, make_user):
    clerk = make_user(None, cast.inside, username="clerk")
    api = _api(district_admin)
    api.patch(
        f"/api/users/users/{clerk.pk}/",
        {"is_superuser": True, "is_staff": True},
        format="json",
    )
    created = api.post(
        "/api/users/users/",
        {
            "username": "sneaky",
            "home_unit": cast.inside.pk,
            "password": NEW_PASSWORD,
            "is_superuser": True,
        },
        format="json",
    )
    assert created.status_code == 201
    assert not User.objects.filter(is_superuser=True).exclude(pk=cast.superuser.pk).exists()


def _grant(api, user, role, unit):
    return api.post(
        "/api/users/roles/", {"user": user.pk, "role": role, "unit": unit.pk}, format="json"
    )


def test_an_administrator_grants_roles_only_in_their_subtree(cast, district_admin, make_user):
    clerk = make_user(None, cast.inside, username="clerk")
    api = _api(district_admin)
    for unit in (cast.region, cast.tehran_root, cast.outside, cast.foreign):
        for user in (clerk, district_admin):
            response = _grant(api, user, Role.ADMINISTRATOR, unit)
            assert response.status_code in (400, 403), (unit, user, response.content)
    assert (
        not RoleAssignment.objects.exclude(unit=cast.inside)
        .filter(user__in=[clerk, district_admin])
        .exists()
    )
    assert _grant(api, clerk, Role.ADMINISTRATOR, cast.inside).status_code == 201


def test_nobody_grants_a_role_to_a_stronger_account(cast, district_admin, stronger):
    api = _api(district_admin)
    before = RoleAssignment.objects.count()
    for person in stronger:
        assert _grant(api, person, Role.VIEWER, cast.inside).status_code in (400, 403)
    assert RoleAssignment.objects.count() == before


def test_nobody_changes_or_removes_the_grants_of_a_stronger_account(cast, district_admin, stronger):
    # The region administrator's second grant lies in the district; it is still theirs.
    region_admin = stronger[1]
    grant = RoleAssignment.objects.create(user=region_admin, role=Role.VIEWER, unit=cast.inside)
    api = _api(district_admin)
    url = f"/api/users/roles/{grant.pk}/"
    assert api.patch(url, {"note": "mine now"}, format="json").status_code == 404
    assert api.delete(url).status_code == 404
    assert RoleAssignment.objects.get(pk=grant.pk).note == ""


@pytest.fixture
def leader_manages_users(monkeypatch):
    """A policy where unit leaders manage people: they may still not grant or take over
    the administrator role, which allows more than theirs."""
    monkeypatch.setitem(POLICY[Role.UNIT_LEADER], "users", ALL)


def test_nobody_grants_a_role_stronger_than_their_own(cast, make_user, leader_manages_users):
    leader = make_user(Role.UNIT_LEADER, cast.region, username="leader")
    clerk = make_user(None, cast.inside, username="clerk")
    api = _api(leader)
    assert _grant(api, clerk, Role.ADMINISTRATOR, cast.inside).status_code in (400, 403)
    assert _grant(api, leader, Role.ADMINISTRATOR, cast.region).status_code in (400, 403)
    assert not RoleAssignment.objects.filter(role=Role.ADMINISTRATOR).exists()
    assert _grant(api, clerk, Role.VIEWER, cast.inside).status_code == 201
    admin = make_user(Role.ADMINISTRATOR, cast.inside, username="district-admin")
    response = api.patch(f"/api/users/users/{admin.pk}/", {"password": NEW_PASSWORD}, format="json")
    assert response.status_code == 404


def test_the_grant_form_offers_only_what_the_grantor_may_give(
    cast, make_user, stronger, leader_manages_users
):
    leader = make_user(Role.UNIT_LEADER, cast.inside, username="leader")
    clerk = make_user(None, cast.inside, username="clerk")
    form = RoleAssignmentForm(user=leader)
    users = set(form.fields["user"].queryset)
    assert clerk in users and leader in users
    assert not users & set(stronger)
    assert set(form.fields["unit"].queryset) == {cast.inside}
    roles = {value for value, _label in form.fields["role"].choices if value}
    assert Role.ADMINISTRATOR not in roles and Role.UNIT_LEADER in roles

    posted = RoleAssignmentForm(
        {"user": clerk.pk, "role": Role.ADMINISTRATOR, "unit": cast.inside.pk}, user=leader
    )
    assert not posted.is_valid() and "role" in posted.errors


def test_the_grant_page_refuses_a_role_beyond_the_grantor(cast, district_admin, make_user, client):
    clerk = make_user(None, cast.inside, username="clerk")
    client.force_login(district_admin)
    response = client.post(
        reverse("users:roleassignment_add"),
        {"user": clerk.pk, "role": Role.ADMINISTRATOR, "unit": cast.region.pk},
    )
    assert response.status_code == 400
    assert not RoleAssignment.objects.filter(user=clerk).exists()
