import pytest


@pytest.fixture(scope="class")
def award_demo(django_db_setup, django_db_blocker):
    """The award demo (with the reporting demo under it) loaded once for a class."""
    from django.db import transaction

    from zist.awards import demo

    with django_db_blocker.unblock(), transaction.atomic():
        yield demo.load()
        transaction.set_rollback(True)
