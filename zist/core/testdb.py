"""A migrated test database built once and copied for every test process.

Migrating Zist's schema from scratch takes a minute or more, and pytest-xdist runs it
once per worker, every run. Instead the first process to need it migrates a *template*
once, under a lock, and every worker (of this run and of later runs) starts from a copy:

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
FORMAT = "1"
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
    # Data that apps load after migrating (the shipped requirement libraries, emission
    # factors) is in the template too: a changed file must give a new template.
    for config in apps.get_app_configs():
        for path in sorted(Path(config.path, "data").rglob("*")):
            if path.is_file():
                digest.update(f"{config.label}/data/{path.name}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _build(connection, test_name: str) -> None:
    """Migrate a fresh database named `test_name` (Django's own test-database creation),
    then point the connection back at its usual database."""
    old_name = connection.settings_dict["NAME"]
    test_settings = connection.settings_dict["TEST"]
    old_test_name = test_settings["NAME"]
    test_settings["NAME"] = test_name
    try:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=True)
        test_settings["NAME"] = old_test_name


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


def fast_postgresql_flush() -> None:
    """Empty only the tables that hold rows, with DELETE, when a transactional test ends.

    Django empties a PostgreSQL test database with one TRUNCATE of every table. That
    gives each of Zist's ~250 tables (and their indexes) new files, which took 3–9 s
    per test on a busy CI machine; a browser test leaves rows in a few dozen tables,
    which DELETE empties in milliseconds. Every foreign key Django creates is
    DEFERRABLE, so the order of the DELETEs does not matter within the one transaction
    Django runs them in. Resetting sequences, or emptying only some apps' tables (where
    TRUNCATE … CASCADE reaches the others), keeps Django's own statement. Tests only.
    """
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush
    if getattr(truncate, "deletes_filled_tables", False):
        return

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        probes = " UNION ALL ".join(
            f"SELECT %s::text WHERE EXISTS (SELECT 1 FROM {self.quote_name(table)})"
            for table in tables
        )
        with self.connection.cursor() as cursor:
            cursor.execute(probes, list(tables))
            filled = [row[0] for row in cursor.fetchall()]
        if not filled:
            return []
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in filled
        ]

    sql_flush.deletes_filled_tables = True
    DatabaseOperations.sql_flush = sql_flush
