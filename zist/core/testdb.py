"""A test database with today's schema built once and copied for every test process.

Migrating Zist's schema from scratch takes a minute or more, and pytest-xdist runs it
once per worker, every run. Instead the first process to need it builds a *template*
once, under a lock (from the models, in seconds: see `_build`), and every worker (of
this run and of later runs) starts from a copy:

- SQLite: the template is a file in the cache folder (``ZIST_TEST_DB_CACHE``, by default
  ``~/.cache/zist/test-db``); each worker copies it to a file of its own in /dev/shm (or
  the temp folder) and deletes it at the end.
- PostgreSQL: the template is a database ``test_<NAME>_tpl_<key>`` on the server; each
  worker's test database is created from it with ``CREATE DATABASE … TEMPLATE …``
  (Django's ``TEST["TEMPLATE"]`` setting), and dropped at the end as usual.

The template's name carries a key: a hash of every migration file of every installed
app, the Django version and the settings that shape the schema. Change a migration and
the key changes, so a new template is built; nothing stale is ever copied. Each copy
still goes through Django's ``migrate`` (a no-op on an up-to-date copy), so data that
apps bring in step after every migrate (``post_migrate``: content types, permissions,
the built-in clause libraries) follows the code as it does in production.

The template is built under a different name and renamed when complete, so a process
killed half-way leaves nothing that looks usable. Wired in by zist/conftest.py through
pytest-django's ``django_db_modify_db_settings`` and ``django_db_keepdb`` fixtures.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import tempfile
import time
from importlib.util import find_spec
from pathlib import Path

# Bump when the way templates are built changes, so old ones are not reused.
FORMAT = "2"
# Templates of other keys not used for this long are removed from the cache folder.
PRUNE_AFTER_SECONDS = 3 * 24 * 3600


def schema_key() -> str:
    """A short hash of everything that decides the migrated schema and its data."""
    import django
    from django.apps import apps
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    digest = hashlib.sha256()
    for part in (
        FORMAT,
        django.get_version(),
        connection.vendor,
        settings.AUTH_USER_MODEL,
        settings.DEFAULT_AUTO_FIELD,
        repr(sorted(settings.MIGRATION_MODULES.items())),
        *settings.INSTALLED_APPS,
    ):
        digest.update(part.encode() + b"\0")
    for config in apps.get_app_configs():
        module, _explicit = MigrationLoader.migrations_module(config.label)
        try:
            spec = find_spec(module) if module else None
        except ImportError:
            spec = None
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            for path in sorted(Path(folder).rglob("*.py")):
                digest.update(f"{config.label}/{path.relative_to(folder)}\0".encode())
                digest.update(path.read_bytes())
    # The template's tables are made from the models (see `_build`): a model edited
    # without a migration (which a test refuses) must not be served a stale template.
    for config in apps.get_app_configs():
        module = getattr(config.models_module, "__file__", None)
        if module:
            path = Path(module)
            for source in (
                sorted(path.parent.rglob("*.py")) if path.name == "__init__.py" else [path]
            ):
                digest.update(f"{config.label}/models\0".encode())
                digest.update(source.read_bytes())
    # Data that apps load after migrating (the shipped requirement libraries, emission
    # factors) is in the template too: a changed file must give a new template.
    for config in apps.get_app_configs():
        for path in sorted(Path(config.path, "data").rglob("*")):
            if path.is_file():
                digest.update(f"{config.label}/data/{path.name}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


# Migrations whose Python or SQL a new database needs (reference data, indexes that are
# not on the models). The template's tables are made from the models (below), so these
# are run on it by hand, with today's models. A test (zist/core/tests/test_migrations.py)
# makes every migration that runs code appear in one of these two lists.
NEW_DATABASE_STEPS = (
    ("emissions", "0002_ipcc_defaults"),  # the IPCC default emission factors
    ("documents", "0004_search_indexes"),  # full-text GIN indexes (PostgreSQL)
    ("meters", "0006_readings_partitioned_by_year"),  # readings by year (PostgreSQL)
)
# Migrations whose code only rewrites rows that existed before them: nothing to do on
# a new, empty database.
ROWS_ONLY = (
    ("aspects", "0003_impact"),
    ("audits", "0002_finding_checklist_item"),
    ("documents", "0003_documentversion_file_text"),
    ("meters", "0004_monthly_consumption"),
    ("users", "0003_login_throttle_and_token_lifetime"),
)


def _build(connection, test_name: str) -> None:
    """Make a fresh database named `test_name` with today's schema, then point the
    connection back at its usual database.

    Migrating from nothing takes about a minute, nearly all of it Django re-rendering
    its model states once per operation (each new model re-renders every model related
    to the units and users: all of them), while both test processes wait. The template
    is therefore made as Django's `TEST["MIGRATE"] = False` makes a test database: the
    tables straight from the models (`migrate --run-syncdb`), in seconds. The code of
    NEW_DATABASE_STEPS then runs on it, and every migration is recorded as applied, so
    each copy's own `migrate` finds nothing to do, as on a migrated database.

    Migrating from nothing is still run, and its result compared, on both databases:
    `zist demo` migrates a new SQLite database (CI's demo step) and `zist restore`
    a new PostgreSQL one (zist/backup/tests), and a test checks that the models and the
    migrations describe the same schema (`makemigrations --check`)."""
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    old_name = connection.settings_dict["NAME"]
    test_settings = connection.settings_dict["TEST"]
    old_test_name, old_migrate = test_settings["NAME"], test_settings.get("MIGRATE", True)
    test_settings["NAME"], test_settings["MIGRATE"] = test_name, False
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        loader = MigrationLoader(connection)
        state = loader.project_state()
        with connection.schema_editor() as editor:
            for key in NEW_DATABASE_STEPS:
                for operation in loader.graph.nodes[key].operations:
                    operation.database_forwards(key[0], editor, state, state)
        recorder = MigrationRecorder(connection)
        recorder.ensure_schema()
        for app_label, name in sorted(loader.graph.nodes):
            recorder.record_applied(app_label, name)
    finally:
        test_settings["NAME"], test_settings["MIGRATE"] = old_test_name, old_migrate
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=True)


def cache_folder() -> Path:
    default = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zist/test-db"
    folder = Path(os.environ.get("ZIST_TEST_DB_CACHE") or default)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def _file_lock(path: Path):
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def sqlite_worker_copy(connection, worker: str) -> Path:
    """A fresh copy of the migrated SQLite template for this process; returns its path."""
    folder = cache_folder()
    template = folder / f"sqlite-{schema_key()}.sqlite3"
    scratch = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    copy = scratch / f"zist-test-{worker or 'main'}-{os.getpid()}.sqlite3"
    if not template.exists():
        with _file_lock(folder / f"{template.name}.lock"):
            if not template.exists():
                # Migrated in memory-backed scratch space (a commit per migration is
                # slow on disk), then moved in complete under its final name.
                _build(connection, str(copy))
                building = folder / f"{template.name}.{os.getpid()}.building"
                shutil.copyfile(copy, building)
                os.replace(building, template)
                _prune(folder, keep=template)
    os.utime(template)
    shutil.copyfile(template, copy)
    return copy


def _prune(folder: Path, keep: Path) -> None:
    now = time.time()
    for old in folder.glob("sqlite-*"):
        if old != keep and now - old.stat().st_mtime > PRUNE_AFTER_SECONDS:
            old.unlink(missing_ok=True)


def postgresql_template(connection) -> str:
    """The name of the migrated PostgreSQL template database, built if missing."""
    base = f"test_{connection.settings_dict['NAME']}"[:45]
    template = f"{base}_tpl_{schema_key()}"
    creation = connection.creation
    # Held on a connection of its own: a session-level advisory lock is let go by the
    # server even when this process dies, and serialises builders on every machine.
    lock_id = int.from_bytes(hashlib.sha256(template.encode()).digest()[:8], "big", signed=True)
    with creation._nodb_cursor() as lock:
        lock.execute("SELECT pg_advisory_lock(%s)", [lock_id])
        try:
            with creation._nodb_cursor() as cursor:
                if creation._database_exists(cursor, template):
                    return template
            building = f"{template}_new"
            _build(connection, building)
            with creation._nodb_cursor() as cursor:
                quote = connection.ops.quote_name
                cursor.execute(f"ALTER DATABASE {quote(building)} RENAME TO {quote(template)}")
                # Templates of earlier schemas of this database are of no further use.
                cursor.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                    [f"{base}\\_tpl\\_%", template],
                )
                for (old,) in cursor.fetchall():
                    with contextlib.suppress(Exception):
                        cursor.execute(f"DROP DATABASE {quote(old)}")
            return template
        finally:
            lock.execute("SELECT pg_advisory_unlock(%s)", [lock_id])


# Per test database: the tables that held rows right after the last emptying (what the
# apps' post_migrate handlers put back: content types, permissions, the built-in
# requirement libraries) and a fingerprint of their rows.
_settled: dict[str, dict[str, str]] = {}


def _filled(connection, tables) -> list[str]:
    """The tables among `tables` that hold at least one row (one query)."""
    quote = connection.ops.quote_name
    probes = " UNION ALL ".join(
        f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(probes, list(tables))
        return [row[0] for row in cursor.fetchall()]


def _fingerprint(connection, table: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
        rows = sorted(repr(row) for row in cursor.fetchall())
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


def fast_flush() -> None:
    """Empty a test database after a transactional test in milliseconds, not seconds.

    Django empties it with one TRUNCATE of all of Zist's ~250 tables on PostgreSQL (new
    files for every table and index: 3–9 s per test on a busy CI machine), then its
    post_migrate handlers rebuild content types, permissions and the built-in
    requirement libraries from nothing (~2 s). Instead:

    - only the tables that hold rows are emptied, with DELETE (every foreign key
      Django creates is deferrable, so their order does not matter inside the one
      transaction Django runs them in);
    - a table the handlers filled at the last emptying is left alone if its rows are
      exactly as they were then (a fingerprint of every row), so the handlers find
      their rows and have nothing to do. A test that changed such a table gets it
      emptied and rebuilt as before.

    The database after emptying is the same as Django's; only the work differs.
    Resetting sequences, or emptying some apps only (``available_apps``), keeps
    Django's own way. Tests only: installed by zist/conftest.py.
    """
    from django.core.management.commands import flush

    if getattr(flush.sql_flush, "zist_fast", False):
        return
    django_sql_flush, django_handle = flush.sql_flush, flush.Command.handle

    def sql_flush(style, connection, reset_sequences=True, allow_cascade=False):
        settled = _settled.pop(connection.settings_dict["NAME"], {})
        if reset_sequences or allow_cascade:
            return django_sql_flush(
                style, connection, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        emptied = [
            table
            for table in _filled(connection, tables)
            if table not in settled or _fingerprint(connection, table) != settled[table]
        ]
        deferred = ["SET CONSTRAINTS ALL DEFERRED;"] if connection.vendor == "postgresql" else []
        return deferred + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(connection.ops.quote_name(t))};"
            for t in emptied
        ]

    def handle(self, **options):
        django_handle(self, **options)
        from django.db import connections

        connection = connections[options["database"]]
        if options["reset_sequences"] or options["allow_cascade"]:
            return
        if options["inhibit_post_migrate"]:
            return
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        _settled[connection.settings_dict["NAME"]] = {
            table: _fingerprint(connection, table) for table in _filled(connection, tables)
        }

    sql_flush.zist_fast = True
    flush.sql_flush = sql_flush
    flush.Command.handle = handle
