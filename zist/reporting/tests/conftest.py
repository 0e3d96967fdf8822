import pytest


@pytest.fixture(scope="class")
def regulator_demo(django_db_setup, django_db_blocker):
    """The regulator demo loaded once for a class, rolled back after it."""
    from django.db import transaction

    from zist.reporting import demo

    with django_db_blocker.unblock(), transaction.atomic():
        counts = demo.load()
        yield counts
        transaction.set_rollback(True)
