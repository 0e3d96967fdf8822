"""Roles from directory groups (zist.sso.groups): the grants a person's groups map to are
made at sign-in and taken back when the group is gone; grants made by hand stay."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from zist.sso.accounts import Person, sign_in
from zist.sso.groups import parse
from zist.users.models import RoleAssignment
from zist.users.roles import Role

pytestmark = pytest.mark.django_db


def mapping(*rules) -> str:
    return json.dumps(
        [dict(zip(("group", "role", "organisation", "unit"), rule, strict=True)) for rule in rules]
    )


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"group": "a"}',
        '[{"group": "a", "role": "viewer", "organisation": "X"}]',
        mapping(("a", "king", "X", "root")),
        mapping(("a", "external_auditor", "X", "root")),  # needs an end date
    ],
)
def test_it_refuses_a_mapping_it_cannot_read(text):
    with pytest.raises(ImproperlyConfigured, match="ZIST_SSO_GROUP_ROLES"):
        parse(text)


def test_it_grants_and_takes_back_what_groups_give_and_leaves_the_rest(cast, make_user):
    rules = mapping(
        ("env-d3", Role.ENVIRONMENTAL_REPRESENTATIVE, "Tehran Municipality", "d3"),
        ("readers", Role.VIEWER, "Tehran Municipality", "root"),
        ("nowhere", Role.VIEWER, "Tehran Municipality", "no-such-unit"),
    )
    person = Person(issuer="https://login.example", subject="s1", email="s@example.org")
    with override_settings(ZIST_SSO_GROUP_ROLES=rules):
        person.groups = ["env-d3", "readers", "nowhere", "unmapped"]
        user = sign_in(person)
        granted = {(g.role, g.unit.code, g.note) for g in user.role_assignments.all()}
        assert granted == {
            (Role.ENVIRONMENTAL_REPRESENTATIVE, "d3", "SSO: env-d3"),
            (Role.VIEWER, "root", "SSO: readers"),
        }
        # An administrator grants a role by hand; the person leaves "readers".
        RoleAssignment.objects.create(user=user, role=Role.VIEWER, unit=cast.outside)
        person.groups = ["env-d3"]
        sign_in(person)
        left = {(g.role, g.unit.code) for g in user.role_assignments.all()}
        assert left == {(Role.ENVIRONMENTAL_REPRESENTATIVE, "d3"), (Role.VIEWER, "d4")}
        removed = RoleAssignment.history.filter(history_type="-").get()
        assert removed.note == "SSO: readers"


def test_without_a_mapping_it_touches_no_grant(cast):
    person = Person(issuer="https://login.example", subject="s2", groups=["readers"])
    user = sign_in(person)
    RoleAssignment.objects.create(user=user, role=Role.VIEWER, unit=cast.inside, note="SSO: x")
    sign_in(person)
    assert user.role_assignments.count() == 1
