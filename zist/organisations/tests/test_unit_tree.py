import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from zist.organisations import services
from zist.organisations.models import Unit
from zist.users.roles import Role


def test_it_gives_each_organisation_a_root_unit(cast):
    root = cast.tehran.root_unit
    assert root.depth == 1 and root.name == "Tehran Municipality"
    assert list(Unit.objects.get_children(root)) == [cast.region]


def test_it_keeps_the_parent_in_step_with_the_tree(cast):
    assert cast.inside.parent == cast.region
    assert Unit.objects.get_parent(cast.inside) == cast.region


def test_it_moves_a_unit_with_its_subtree_and_records_the_move(cast):
    child = services.create_unit(cast.inside, name="Park office", code="park")
    services.move_unit(cast.inside, cast.outside)
    cast.inside.refresh_from_db()
    child.refresh_from_db()
    assert Unit.objects.get_parent(cast.inside) == cast.outside
    assert child.path.startswith(cast.inside.path)
    assert cast.inside.history.first().parent_id == cast.outside.pk


def test_it_refuses_moves_that_break_the_tree(cast):
    child = services.create_unit(cast.inside, name="Park office", code="park")
    with pytest.raises(ValidationError):
        services.move_unit(cast.inside, child)
    with pytest.raises(ValidationError):
        services.move_unit(cast.inside, cast.foreign)
    with pytest.raises(ValidationError):
        services.move_unit(cast.tehran_root, cast.region)


def test_it_archives_a_subtree_without_deleting_anything(cast):
    child = services.create_unit(cast.inside, name="Park office", code="park")
    assert services.archive_unit(cast.inside) == 2
    assert Unit.objects.filter(pk__in=[cast.inside.pk, child.pk], archived=True).count() == 2
    assert services.archive_unit(cast.inside, archived=False) == 2


def test_it_refuses_to_delete_a_unit_with_subunits(cast):
    with pytest.raises(ValidationError):
        services.delete_unit(cast.region)
    with pytest.raises(ValidationError):
        services.delete_unit(cast.tehran_root)


def test_it_refuses_new_units_under_an_archived_one(cast):
    services.archive_unit(cast.inside)
    cast.inside.refresh_from_db()
    with pytest.raises(ValidationError):
        services.create_unit(cast.inside, name="x", code="x")


def test_it_moves_a_unit_through_the_page(cast, make_user, client):
    client.force_login(make_user(Role.ADMINISTRATOR, cast.region))
    response = client.post(
        reverse("organisations:unit_move", args=[cast.inside.pk]), {"parent": cast.outside.pk}
    )
    assert response.status_code == 302
    cast.inside.refresh_from_db()
    assert cast.inside.parent == cast.outside


def test_it_refuses_a_move_out_of_the_users_units(cast, make_user, client):
    client.force_login(make_user(Role.ADMINISTRATOR, cast.inside))
    child = services.create_unit(cast.inside, name="Park office", code="park")
    response = client.post(
        reverse("organisations:unit_move", args=[child.pk]), {"parent": cast.outside.pk}
    )
    assert response.status_code == 400
    child.refresh_from_db()
    assert child.parent == cast.inside


def test_it_archives_through_the_page_only_for_those_who_may_change(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    url = reverse("organisations:unit_archive", args=[cast.inside.pk])
    assert client.post(url).status_code == 404
    client.force_login(make_user(Role.ADMINISTRATOR, cast.region))
    assert client.post(url).status_code == 302
    cast.inside.refresh_from_db()
    assert cast.inside.archived


def test_it_rejects_a_duplicate_code_in_the_form(cast, make_user, client):
    client.force_login(make_user(Role.ADMINISTRATOR, cast.region))
    response = client.post(
        reverse("organisations:unit_add"),
        {"parent": cast.region.pk, "name": "Again", "code": "d3", "kind": "district"},
    )
    assert response.status_code == 400
    assert "code" in response.context["form"].errors


def test_it_moves_and_archives_through_the_api(cast, make_user):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(make_user(Role.ADMINISTRATOR, cast.region))
    moved = api.post(
        f"/api/organisations/units/{cast.inside.pk}/move/",
        {"parent": cast.outside.pk},
        format="json",
    )
    assert moved.status_code == 200 and moved.json()["parent"] == cast.outside.pk
    refused = api.post(
        f"/api/organisations/units/{cast.outside.pk}/move/",
        {"parent": cast.inside.pk},
        format="json",
    )
    assert refused.status_code == 400
    archived = api.post(f"/api/organisations/units/{cast.outside.pk}/archive/", {}, format="json")
    assert archived.status_code == 200 and archived.json()["archived"] is True
    cast.inside.refresh_from_db()
    assert cast.inside.archived  # moved under District 4, archived with it


def test_it_refuses_tree_actions_out_of_scope_through_the_api(cast, make_user):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(make_user(Role.ADMINISTRATOR, cast.inside))
    assert api.post(f"/api/organisations/units/{cast.outside.pk}/archive/").status_code == 404
    assert (
        api.post(
            f"/api/organisations/units/{cast.inside.pk}/move/",
            {"parent": cast.outside.pk},
            format="json",
        ).status_code
        == 404
    )


def test_it_never_renumbers_other_organisations_when_one_is_added(cast):
    before = dict(Unit.objects.values_list("pk", "path"))
    services.create_organisation(name="Aaa first by name", language="en")
    after = dict(Unit.objects.filter(pk__in=before).values_list("pk", "path"))
    assert after == before


def test_it_never_writes_back_a_stale_tree_position(cast):
    stale = Unit.objects.get(pk=cast.inside.pk)
    services.move_unit(Unit.objects.get(pk=cast.inside.pk), cast.outside)
    stale.description = "edited from an old copy"
    stale.save()
    fresh = Unit.objects.get(pk=cast.inside.pk)
    assert fresh.path.startswith(Unit.objects.get(pk=cast.outside.pk).path)
    assert fresh.description == "edited from an old copy"
