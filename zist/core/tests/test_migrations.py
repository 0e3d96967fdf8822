"""The test databases are made from the models, not by migrating (zist.core.testdb):
these tests keep that honest. The models and the migrations must describe the same
schema, and every migration that runs code must say whether a new database needs it."""

import io

import pytest
from django.core.management import call_command
from django.db import connection, migrations
from django.db.migrations.loader import MigrationLoader

from zist.core import testdb


@pytest.mark.same_on_every_database
@pytest.mark.django_db
def test_the_migrations_describe_the_models():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, verbosity=1)
    except SystemExit:
        pytest.fail(f"A model changed without its migration:\n{out.getvalue()}")


@pytest.mark.same_on_every_database
def test_every_migration_that_runs_code_says_whether_a_new_database_needs_it():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    running_code = {
        key
        for key, migration in loader.graph.nodes.items()
        if migration.__module__.startswith("zist.")
        and any(
            isinstance(op, migrations.RunPython | migrations.RunSQL) for op in migration.operations
        )
    }
    declared = set(testdb.NEW_DATABASE_STEPS) | set(testdb.ROWS_ONLY)
    assert running_code - declared == set(), (
        "Add these migrations to NEW_DATABASE_STEPS (a new database needs their code) "
        "or ROWS_ONLY (they only rewrite existing rows) in zist/core/testdb.py"
    )
    assert declared - running_code == set(), "declared, but no such migration runs code"
    assert not set(testdb.NEW_DATABASE_STEPS) & set(testdb.ROWS_ONLY)


@pytest.mark.django_db
def test_the_test_database_has_every_migration_applied_and_the_reference_data():
    from django.db.migrations.recorder import MigrationRecorder

    from zist.emissions.models import EmissionFactor

    loader = MigrationLoader(connection)
    applied = MigrationRecorder(connection).applied_migrations()
    assert set(loader.graph.nodes) <= set(applied)
    assert EmissionFactor.objects.exists()
