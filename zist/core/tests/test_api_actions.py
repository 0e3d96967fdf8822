"""Custom API actions check the permission the policy gives for what they do, not
"add" (docs/security.md)."""

from rest_framework.test import APIClient

from zist.organisations.models import Unit
from zist.users.roles import Role


def api_as(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def test_a_region_manager_moves_a_unit_through_the_api(cast, make_user):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    response = api_as(manager).post(
        f"/api/organisations/units/{cast.inside.pk}/move/", {"parent": cast.outside.pk}
    )
    assert response.status_code == 200, response.content
    assert Unit.objects.get(pk=cast.inside.pk).path.startswith(cast.outside.path)


def test_a_region_manager_archives_a_unit_through_the_api(cast, make_user):
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    response = api_as(manager).post(f"/api/organisations/units/{cast.inside.pk}/archive/")
    assert response.status_code == 200, response.content
    assert Unit.objects.get(pk=cast.inside.pk).archived


def test_a_representative_may_not_move_a_unit(cast, make_user):
    rep = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.region)
    response = api_as(rep).post(
        f"/api/organisations/units/{cast.inside.pk}/move/", {"parent": cast.outside.pk}
    )
    assert response.status_code == 403
    assert Unit.objects.get(pk=cast.inside.pk).path == cast.inside.path


def test_every_custom_action_that_writes_names_its_permission():
    from zist.core.api import ZistModelViewSet
    from zist.urls import router

    missing = []
    for _prefix, viewset, _basename in router.registry:
        if not issubclass(viewset, ZistModelViewSet):
            # Outside the policy table: a person's own background jobs (zist.jobs),
            # whose every action is limited to the jobs they asked for.
            continue
        for extra in viewset.get_extra_actions():
            writes = set(extra.mapping) - {"get", "head", "options"}
            if writes and not extra.kwargs.get("policy_action"):
                missing.append(f"{viewset.__name__}.{extra.__name__}")
    assert missing == []
