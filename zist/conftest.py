"""Fixtures for every test: the fixed cast (see zist.core.testing.Cast)."""

import pytest
from django.utils import translation

from zist.core import calendars
from zist.core.testing import Cast
from zist.organisations import services
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User


@pytest.fixture(autouse=True)
def _gregorian_latin():
    # Context variables survive between tests in one thread; start each test neutral.
    calendars.activate(calendars.GREGORIAN, calendars.LATIN_DIGITS)
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def cast(db) -> Cast:
    tehran = services.create_organisation(
        name="Tehran Municipality",
        language="fa",
        calendar=calendars.JALALI,
        time_zone="Asia/Tehran",
        currency="IRR",
    )
    tehran_root = Unit.objects.get(organisation=tehran, depth=1)
    region = services.create_unit(tehran_root, name="Region 2", code="region2", kind="region")
    inside = services.create_unit(region, name="District 3", code="d3", kind="district")
    outside = services.create_unit(region, name="District 4", code="d4", kind="district")
    albertslund = services.create_organisation(
        name="Albertslund Kommune",
        language="da",
        time_zone="Europe/Copenhagen",
        currency="DKK",
    )
    foreign = services.create_unit(
        Unit.objects.get(organisation=albertslund, depth=1),
        name="Biblioteket",
        code="bib",
        kind="workplace",
    )
    superuser = User.objects.create_superuser(
        "root", "root@example.org", "pw", home_unit=tehran_root
    )
    return Cast(tehran, tehran_root, region, inside, outside, albertslund, foreign, superuser)


@pytest.fixture
def make_user(db):
    """make_user(role, unit, **fields) → a user holding `role` on `unit`."""

    def make(role=None, unit=None, username=None, **fields):
        username = username or f"{role or 'nobody'}-{User.objects.count()}"
        valid_until = fields.pop("valid_until", None)
        user = User.objects.create_user(username, password="pw", home_unit=unit, **fields)
        if role:
            RoleAssignment.objects.create(user=user, role=role, unit=unit, valid_until=valid_until)
        return user

    return make
