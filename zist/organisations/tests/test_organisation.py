import datetime as dt

from django.urls import reverse

from zist.organisations.models import Organisation
from zist.users.roles import Role


def test_it_finds_its_reporting_year(cast):
    year = cast.tehran.reporting_year(dt.date(2024, 6, 1))
    assert (year.label, year.start, year.end) == (1403, dt.date(2024, 3, 20), dt.date(2025, 3, 21))
    year = cast.albertslund.reporting_year(dt.date(2024, 6, 1))
    assert (year.label, year.start) == (2024, dt.date(2024, 1, 1))


def test_it_refuses_a_year_start_that_does_not_exist(cast):
    from django.core.exceptions import ValidationError

    cast.albertslund.year_start_month, cast.albertslund.year_start_day = 2, 30
    try:
        cast.albertslund.full_clean()
    except ValidationError as error:
        assert "year_start_day" in error.message_dict
    else:
        raise AssertionError("30 February accepted")


def test_it_lets_people_inside_see_the_organisation_but_only_root_admins_change_it(cast, make_user):
    district_admin = make_user(Role.ADMINISTRATOR, cast.inside)
    root_admin = make_user(Role.ADMINISTRATOR, cast.tehran_root)
    assert list(Organisation.objects.restrict(district_admin, "view")) == [cast.tehran]
    assert list(Organisation.objects.restrict(district_admin, "change")) == []
    assert list(Organisation.objects.restrict(root_admin, "change")) == [cast.tehran]


def test_it_creates_an_organisation_with_its_root_for_a_superuser(cast, client):
    client.force_login(cast.superuser)
    response = client.post(
        reverse("organisations:organisation_add"),
        {
            "name": "Kemin kaupunki",
            "kind": "municipality",
            "language": "fi",
            "calendar": "gregorian",
            "year_start_month": 1,
            "year_start_day": 1,
            "time_zone": "Europe/Helsinki",
            "currency": "EUR",
        },
    )
    assert response.status_code == 302
    kemi = Organisation.objects.get(name="Kemin kaupunki")
    assert kemi.root_unit.name == "Kemin kaupunki"
