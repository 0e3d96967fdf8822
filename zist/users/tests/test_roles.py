import datetime as dt
import zoneinfo

from django.urls import reverse
from django.utils import timezone

from zist.organisations import services
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment
from zist.users.roles import POLICY, Role, allowed_actions


def test_it_declares_every_role_in_the_policy():
    assert set(POLICY) == set(Role)


def test_it_prefers_the_most_specific_rule():
    assert allowed_actions(Role.ENVIRONMENTAL_MANAGER, "organisations.unit") == {"view", "change"}
    assert allowed_actions(Role.ENVIRONMENTAL_MANAGER, "organisations.organisation") == {"view"}
    assert "delete" in allowed_actions(Role.ENVIRONMENTAL_MANAGER, "aspects.aspect")
    assert allowed_actions(Role.CRISIS_MANAGER, "aspects.aspect") == set()


def test_it_covers_the_subtree_of_the_granted_unit(cast, make_user):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    deep = services.create_unit(cast.inside, name="Park office", code="park")
    visible = set(Unit.objects.restrict(manager, "view"))
    assert {cast.region, cast.inside, cast.outside, deep} == visible


def test_it_shows_a_representative_nothing_of_the_neighbouring_district(cast, make_user):
    rep = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    assert list(Unit.objects.restrict(rep, "view")) == [cast.inside]


def test_it_combines_several_grants(cast, make_user):
    user = make_user(Role.VIEWER, cast.inside)
    RoleAssignment.objects.create(user=user, role=Role.VIEWER, unit=cast.foreign)
    user = type(user).objects.get(pk=user.pk)
    assert set(Unit.objects.restrict(user, "view")) == {cast.inside, cast.foreign}


def test_it_stops_an_external_auditor_after_the_end_date(cast, make_user, client):
    # Grants end on a day of the person's calendar, in their organisation's time zone,
    # which their requests activate (Tehran is a day ahead of UTC after 20:30 UTC).
    with timezone.override(zoneinfo.ZoneInfo(cast.tehran.time_zone)):
        yesterday = timezone.localdate() - dt.timedelta(days=1)
        auditor = make_user(Role.EXTERNAL_AUDITOR, cast.region, valid_until=yesterday)
        assert list(Unit.objects.restrict(auditor, "view")) == []
        client.force_login(auditor)
        url = reverse("organisations:unit_detail", args=[cast.inside.pk])
        assert client.get(url).status_code == 404
        grant = auditor.role_assignments.get()
        grant.valid_until = timezone.localdate()
        grant.save()
        auditor = type(auditor).objects.get(pk=auditor.pk)
        assert cast.inside in Unit.objects.restrict(auditor, "view")
        assert client.get(url).status_code == 200


def test_it_does_not_start_a_grant_before_its_first_day(cast, make_user):
    user = make_user(None, cast.inside)
    RoleAssignment.objects.create(
        user=user,
        role=Role.VIEWER,
        unit=cast.inside,
        valid_from=dt.date.today() + dt.timedelta(days=1),
    )
    assert list(Unit.objects.restrict(user, "view")) == []


def test_it_requires_an_end_date_for_external_auditors(cast, make_user, client):
    client.force_login(make_user(Role.ADMINISTRATOR, cast.region))
    person = make_user(None, cast.inside)
    response = client.post(
        reverse("users:roleassignment_add"),
        {
            "user": person.pk,
            "role": Role.EXTERNAL_AUDITOR,
            "unit": cast.inside.pk,
        },
    )
    assert response.status_code == 400
    assert "valid_until" in response.context["form"].errors


def test_it_lets_an_administrator_grant_roles_only_inside_the_subtree(cast, make_user, client):
    client.force_login(make_user(Role.ADMINISTRATOR, cast.inside))
    person = make_user(None, cast.inside)
    outside = client.post(
        reverse("users:roleassignment_add"),
        {
            "user": person.pk,
            "role": Role.ADMINISTRATOR,
            "unit": cast.region.pk,
        },
    )
    assert outside.status_code == 400
    assert not RoleAssignment.objects.filter(user=person).exists()
    inside = client.post(
        reverse("users:roleassignment_add"),
        {
            "user": person.pk,
            "role": Role.VIEWER,
            "unit": cast.inside.pk,
        },
    )
    assert inside.status_code == 302
