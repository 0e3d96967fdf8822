"""One-file backups of a Zist installation and their restore (docs/operations.md,
docs/decisions/0018-backup-archive.md).

The archive is a ZIP file:

- ``manifest.json``: format, Zist version, the migrations applied to the schema, the
  database vendor, and the SHA-256 of every other entry;
- ``db/<app_label>.<model>.json``: every concrete model's rows (history tables too) in
  Django's JSON serialisation, primary keys kept, natural keys off — portable between
  SQLite and PostgreSQL;
- ``files/<path>``: every uploaded file under MEDIA_ROOT;
- ``native/postgresql.dump``: on PostgreSQL, when ``pg_dump`` is installed, also a native
  dump (custom format, for ``pg_restore``) for disaster recovery of the database as it is;
  ``zist restore`` does not use it (the JSON is what moves between versions and vendors).

Restore checks everything before touching anything: the archive must be readable, every
checksum must match, the schema's migration state must equal the archive's, and the
installation must be empty (migrated, no user data). Then the rows are loaded in one
transaction (raw saves: ``auto_now`` values and history are kept as stored), sequences
are reset, and the files are written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

FORMAT = "zist-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class RestoreRefused(Exception):
    """The archive cannot be restored here; nothing was changed."""


@dataclass
class Summary:
    tables: dict[str, int] = field(default_factory=dict)
    files: int = 0
    # The native dump's entry, or why there is none.
    native: str = ""
    native_skipped: str = ""


NATIVE_DUMP = "native/postgresql.dump"


def pg_dump(using: str = DEFAULT_DB_ALIAS) -> tuple[bytes, str]:
    """A custom-format `pg_dump` of the database and the tool's version. Raises
    FileNotFoundError without pg_dump, CalledProcessError when it fails (a pg_dump
    older than the server, for one)."""
    tool = shutil.which("pg_dump")
    if tool is None:
        raise FileNotFoundError("pg_dump")
    s = connections[using].settings_dict
    env = {**os.environ, "PGPASSWORD": s.get("PASSWORD") or ""}
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "dump"
        command = [tool, "--format=custom", "--no-owner", "--file", str(out)]
        command += ["--host", s.get("HOST") or "localhost", "--port", str(s.get("PORT") or 5432)]
        command += ["--username", s.get("USER") or "postgres", "--dbname", s["NAME"]]
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=3600)
        data = out.read_bytes()
    tool_version = subprocess.run(
        [tool, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return data, tool_version


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a backup keeps the microseconds."""

    def default(self, o):
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def zist_version() -> str:
    try:
        return version("zist")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "unknown"


def backed_up_models() -> list:
    """Every concrete, managed model (history tables included), in a stable order.
    Auto-created many-to-many tables travel with the model that declares the field."""
    return sorted(
        (
            m
            for m in apps.get_models()
            if m._meta.managed and not m._meta.proxy and not m._meta.swapped
        ),
        key=lambda m: m._meta.label_lower,
    )


def migration_state(using: str = DEFAULT_DB_ALIAS) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file())


def backup(path: Path, using: str = DEFAULT_DB_ALIAS, native: bool = True) -> Summary:
    """Write the whole installation (database and uploads) to one archive at `path`;
    on PostgreSQL with `native`, a `pg_dump` too when it is installed and works."""
    path = Path(path)
    summary = Summary()
    checksums: dict[str, str] = {}
    partial = path.with_name(path.name + ".partial")
    media_root = Path(settings.MEDIA_ROOT)
    with (
        transaction.atomic(using=using),
        zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for model in backed_up_models():
            rows = model._base_manager.using(using).order_by("pk")
            data = serializers.serialize(
                "json",
                rows,
                use_natural_foreign_keys=False,
                use_natural_primary_keys=False,
                indent=None,
                cls=_ExactEncoder,
            ).encode()
            name = f"db/{model._meta.label_lower}.json"
            archive.writestr(name, data)
            checksums[name] = _sha256(data)
            summary.tables[model._meta.label_lower] = rows.count()
        for file in _media_files(media_root):
            data = file.read_bytes()
            name = "files/" + file.relative_to(media_root).as_posix()
            archive.writestr(name, data)
            checksums[name] = _sha256(data)
            summary.files += 1
        native_dump = None
        if native and connections[using].vendor == "postgresql":
            try:
                data, tool = pg_dump(using)
            except FileNotFoundError:
                summary.native_skipped = "pg_dump is not installed"
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
                stderr = getattr(error, "stderr", b"") or b""
                summary.native_skipped = stderr.decode(errors="replace").strip()[:500] or str(error)
            else:
                archive.writestr(NATIVE_DUMP, data)
                checksums[NATIVE_DUMP] = _sha256(data)
                summary.native = NATIVE_DUMP
                native_dump = {"name": NATIVE_DUMP, "format": "pg_dump custom", "tool": tool}
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "zist_version": zist_version(),
            "created": datetime.now(UTC).isoformat(),
            "database_vendor": connections[using].vendor,
            "migrations": migration_state(using),
            "rows": summary.tables,
            "native_dump": native_dump,
            "sha256": checksums,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True))
    partial.replace(path)
    return summary


def _read_checked(path: Path) -> tuple[dict, dict[str, bytes]]:
    """The manifest and every entry, all checksums verified; RestoreRefused otherwise."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if MANIFEST not in names:
                raise RestoreRefused(_("This file is not a Zist backup (no manifest)."))
            manifest = json.loads(archive.read(MANIFEST))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise RestoreRefused(_("This file is not a Zist backup."))
            if manifest.get("format_version") != FORMAT_VERSION:
                raise RestoreRefused(_("This backup's format version is not supported."))
            expected = manifest.get("sha256") or {}
            if set(names) - {MANIFEST} != set(expected):
                raise RestoreRefused(
                    _("The backup is damaged: its files do not match its manifest.")
                )
            entries = {}
            for name in expected:
                data = archive.read(name)
                if _sha256(data) != expected[name]:
                    raise RestoreRefused(
                        _("The backup is damaged: the checksum of %(name)s does not match.")
                        % {"name": name}
                    )
                entries[name] = data
    except RestoreRefused:
        raise
    except FileNotFoundError as error:
        raise RestoreRefused(_("No such file: %(path)s") % {"path": path}) from error
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, KeyError, OSError) as error:
        raise RestoreRefused(
            _("The backup is damaged or not a Zist backup (%(error)s).") % {"error": error}
        ) from error
    return manifest, entries


def _check_target(manifest: dict, entries: dict[str, bytes], using: str) -> None:
    if manifest.get("migrations") != migration_state(using):
        raise RestoreRefused(
            _(
                "The database schema differs from the backup's (Zist %(version)s): run "
                "`zist migrate` with the same Zist version the backup was made with."
            )
            % {"version": manifest.get("zist_version")}
        )
    from zist.organisations.models import Organisation
    from zist.users.models import User

    # Migrations fill some tables themselves (content types, permissions, the ISO
    # clause library, emission factors): those rows are replaced by the backup's. An
    # account or an organisation means someone has used this installation.
    if User._base_manager.using(using).exists() or Organisation._base_manager.using(using).exists():
        raise RestoreRefused(
            _(
                "The database is not empty: restore only into a freshly migrated "
                "installation without any data."
            )
        )
    media_root = Path(settings.MEDIA_ROOT)
    for name in entries:
        if name.startswith("files/"):
            target = (media_root / name.removeprefix("files/")).resolve()
            if not target.is_relative_to(media_root.resolve()):
                raise RestoreRefused(_("The backup holds a file outside the uploads folder."))
            if target.exists():
                raise RestoreRefused(
                    _("The uploads folder is not empty: %(name)s exists already.") % {"name": name}
                )


def restore(path: Path, using: str = DEFAULT_DB_ALIAS) -> Summary:
    """Restore the archive at `path` into this empty installation, or refuse (raising
    RestoreRefused) without changing anything."""
    manifest, entries = _read_checked(Path(path))
    _check_target(manifest, entries, using)
    connection = connections[using]
    summary = Summary()
    models = backed_up_models()
    written: list[Path] = []
    media_root = Path(settings.MEDIA_ROOT)
    try:
        with transaction.atomic(using=using):
            tables = [m._meta.db_table for m in models]
            tables += [
                f.remote_field.through._meta.db_table
                for m in models
                for f in m._meta.local_many_to_many
                if f.remote_field.through._meta.auto_created
            ]
            with connection.cursor() as cursor:
                for sql in connection.ops.sql_flush(
                    no_style(), tables, reset_sequences=False, allow_cascade=True
                ):
                    cursor.execute(sql)
            # Foreign keys are checked at commit (Django creates them deferrable), so
            # the order of the tables does not matter.
            for model in models:
                name = f"db/{model._meta.label_lower}.json"
                count = 0
                for obj in serializers.deserialize("json", entries.get(name, b"[]"), using=using):
                    obj.save(using=using)
                    count += 1
                summary.tables[model._meta.label_lower] = count
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)
            for name, data in entries.items():
                if name.startswith("files/"):
                    target = media_root / name.removeprefix("files/")
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                    written.append(target)
                    summary.files += 1
    except BaseException:
        for target in written:
            target.unlink(missing_ok=True)
        raise
    return summary
