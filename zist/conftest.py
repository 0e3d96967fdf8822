"""Fixtures for every test: the fixed cast (see zist.core.testing.Cast), a migrated
test database copied from a template (zist.core.testdb) and a fast password hasher."""

import pytest
from django.test.utils import override_settings
from django.utils import timezone, translation

from zist.core import calendars, testdb
from zist.core.testing import Cast
from zist.jobs import engine
from zist.organisations import services
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix, django_db_blocker, request
):
    """pytest-django's hook before the test database is set up: start from a copy of the
    migrated template instead of migrating in every process (see zist.core.testdb).
    `--create-db` (or `--nomigrations`) keeps Django's own creation from scratch."""
    from django.db import connection

    testdb.fast_flush()
    if request.config.getvalue("create_db") or request.config.getvalue("nomigrations"):
        yield None
        return
    worker = getattr(request.config, "workerinput", {}).get("workerid", "")
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            connection.settings_dict["TEST"]["TEMPLATE"] = testdb.postgresql_template(connection)
            yield None
            return
        if connection.vendor != "sqlite":
            yield None
            return
        copy = testdb.sqlite_worker_copy(connection, worker)
    connection.settings_dict["TEST"]["NAME"] = str(copy)
    yield copy
    connection.close()
    copy.unlink(missing_ok=True)


# The longest tests (minutes each: the phone walk, the crawls, the API fuzzing, the
# restores) run first, while other tests can fill the other workers; collected last,
# one of them would keep a single worker busy long after the rest had finished.
LONGEST_FIRST = (
    "zist/e2e/test_phone_every_page.py",
    "zist/core/tests/test_crawl.py",
    "zist/core/tests/test_api_schemathesis.py",
    "zist/backup/tests/test_backup.py",
)


def pytest_collection_modifyitems(config, items):
    def rank(item) -> int:
        path = item.nodeid.split("::")[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: each file keeps its own order


def pytest_runtest_setup(item):
    """CI runs the whole suite twice, on SQLite and on PostgreSQL. A test marked
    `same_on_every_database` reads only what no database changes (page layout,
    translations, settings checks, the API schema): it runs on SQLite, the README's
    default, and the PostgreSQL run spends its minutes on what differs. It skips before
    its fixtures run, so no browser tab or demo is made for nothing."""
    if item.get_closest_marker("same_on_every_database") is None:
        return
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("the same on every database: read in the SQLite run")


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings) -> bool:
    """Keep the SQLite copy Django is given (deleted above when the session ends): not
    keeping it would make Django delete it and migrate from scratch."""
    return bool(request.config.getvalue("reuse_db") or django_db_modify_db_settings)


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hasher():
    """PBKDF2 costs about a third of a second per password by design; tests that make
    users need none of that. A test about hashing itself asks for `real_password_hashers`."""
    from django.conf import settings

    _real_hashers.extend(settings.PASSWORD_HASHERS)
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


_real_hashers: list[str] = []


@pytest.fixture
def real_password_hashers(settings):
    """The hashers Zist runs with outside tests, for a test about password storage."""
    settings.PASSWORD_HASHERS = list(_real_hashers)


@pytest.fixture(scope="class")
def demo_platform(django_db_setup, django_db_blocker):
    """The platform demo (organisations, units, accounts) loaded once for a class of
    tests that read it, and rolled back after the class. Each test still runs in its own
    savepoint inside (ask for `db`), so no test sees what another one wrote."""
    from django.db import transaction

    from zist.demo import platform

    with django_db_blocker.unblock(), transaction.atomic():
        platform.load()
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _jobs_finish_before_the_database_is_emptied():
    # Set up after pytest-django's database fixtures, so torn down before them: a job the
    # test queued last (an hourly reminder) must not still hold row locks when the
    # transactional test's flush truncates every table (a deadlock on PostgreSQL, and
    # the next test on that worker then finds the last one's rows).
    yield
    engine.drain()


@pytest.fixture(autouse=True)
def _gregorian_latin():
    # Context variables survive between tests in one thread; start each test neutral.
    calendars.activate(calendars.GREGORIAN, calendars.LATIN_DIGITS)
    translation.activate("en")
    # So is the time zone a request activated (the person's organisation's): a test
    # after a Tehran request would otherwise read "today" a day ahead after 20:30 UTC.
    timezone.deactivate()
    yield
    translation.deactivate()
    timezone.deactivate()


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
