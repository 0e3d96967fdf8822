from django.utils import translation
from rest_framework.test import APIClient

from zist.clauses.models import Clause, Library, natural_key
from zist.clauses.services import iso14001, sync_builtin_libraries


def test_it_sorts_clause_numbers_as_people_do():
    numbers = ["10.1", "9.1.2", "4.10", "4.2", "9.1", "II.A", "4"]
    assert sorted(numbers, key=natural_key) == ["4", "4.2", "4.10", "9.1", "9.1.2", "10.1", "II.A"]


def test_it_ships_the_iso_14001_clauses(db):
    library = iso14001()
    numbers = list(library.clauses.values_list("number", flat=True))
    assert numbers[:3] == ["4", "4.1", "4.2"]
    assert numbers[-1] == "10.3"
    assert len(numbers) == 45
    assert "9.2.2" in numbers


def test_it_syncs_the_builtin_libraries_idempotently(db):
    before = Clause.objects.count()
    assert sync_builtin_libraries() == 0
    assert Clause.objects.count() == before


def test_it_translates_the_builtin_clause_titles(db):
    clause = iso14001().clauses.get(number="10.2")
    with translation.override("fa"):
        assert clause.display_title == "عدم انطباق و اقدام اصلاحی"
    with translation.override("da"):
        assert clause.display_title == "Afvigelse og korrigerende handling"
    with translation.override("fi"):
        assert clause.display_title == "Poikkeama ja korjaava toimenpide"


def test_it_shows_builtin_libraries_to_everyone_but_lets_no_one_change_them(cast, make_user):
    manager = make_user("environmental_manager", cast.inside)
    library = iso14001()
    assert Library.objects.restrict(manager, "view").filter(pk=library.pk).exists()
    assert not Library.objects.restrict(manager, "change").filter(pk=library.pk).exists()
    api = APIClient()
    api.force_authenticate(manager)
    clause = library.clauses.get(number="4.1")
    assert api.patch(f"/api/clauses/clauses/{clause.pk}/", {"title": "x"}).status_code == 404
    refused = api.post(
        "/api/clauses/clauses/", {"library": library.pk, "number": "11", "title": "Mine"}
    )
    assert refused.status_code in (400, 403)
    assert not library.clauses.filter(number="11").exists()


def test_it_keeps_own_libraries_inside_their_unit(cast, make_user):
    own = Library.objects.create(unit=cast.inside, code="iso50001", name="ISO 50001")
    outsider = make_user("environmental_manager", cast.outside)
    assert not Library.objects.restrict(outsider, "view").filter(pk=own.pk).exists()
