"""`zist backup` / `zist restore`: the whole demo backed up, restored by a separate
`zist restore` process into a second, freshly migrated database (a second SQLite file,
or a second PostgreSQL database), and compared table by table and file by file; damaged,
foreign and non-empty cases refused with nothing changed."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import translation

from zist.backup import services
from zist.core import testdb

ROOT = Path(__file__).resolve().parents[3]
SECOND_PG = "zist_backup2"
pytestmark = pytest.mark.django_db


class Target:
    """A second installation: its own data dir, and an empty migrated database."""

    def __init__(self, folder: Path, url: str = ""):
        self.folder = folder
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
        self.env.update(PYTHONPATH=str(ROOT), ZIST_DATA_DIR=str(folder), ZIST_DEBUG="0")
        if url:
            self.env["DATABASE_URL"] = url
            done = self.zist("migrate", "--no-input")
            assert done.returncode == 0, done.stderr
        elif connection.vendor == "postgresql":
            template = connection.settings_dict["TEST"]["TEMPLATE"]
            quote = connection.ops.quote_name
            with connection.creation._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(SECOND_PG)}")
                cursor.execute(f"CREATE DATABASE {quote(SECOND_PG)} TEMPLATE {quote(template)}")
            s = connection.settings_dict
            password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
            self.env["DATABASE_URL"] = (
                f"postgres://{s['USER']}{password}@{s['HOST'] or '127.0.0.1'}:"
                f"{s['PORT'] or 5432}/{SECOND_PG}"
            )
        else:
            self.env.pop("DATABASE_URL", None)
            path = folder / "zist.sqlite3"
            shutil.copyfile(testdb.cache_folder() / f"sqlite-{testdb.schema_key()}.sqlite3", path)
            self.env["ZIST_SQLITE_PATH"] = str(path)

    def zist(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "zist", *map(str, args)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    def dump(self, name: str) -> dict[str, bytes]:
        """Everything this installation holds, read back through `zist backup`."""
        archive = self.folder / name
        done = self.zist("backup", archive)
        assert done.returncode == 0, done.stderr
        return entries(archive)


def entries(archive: Path) -> dict[str, bytes]:
    """What the archive holds of the installation (a native dump differs between two
    dumps of the same data: it is checked on its own)."""
    with zipfile.ZipFile(archive) as z:
        return {
            n: z.read(n)
            for n in z.namelist()
            if n != services.MANIFEST and not n.startswith("native/")
        }


def tables(content: dict[str, bytes]) -> dict[str, list]:
    return {n: json.loads(d) for n, d in content.items() if n.startswith("db/")}


@pytest.fixture(scope="module")
def original(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo (loaded once for the module, rolled back after it), one uploaded
    file, and its backup."""
    from zist.demo.management.commands.demo import Command

    folder = tmp_path_factory.mktemp("original")
    uploads = folder / "uploads"
    with (
        override_settings(MEDIA_ROOT=uploads),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        Command().load()
        (uploads / "documents").mkdir(parents=True, exist_ok=True)
        (uploads / "documents" / "policy.pdf").write_bytes(b"%PDF-1.4 \x00\xff policy")
        archive = folder / "backup.zip"
        services.backup(archive)
        transaction.set_rollback(True)
    return archive, uploads


def test_restore_into_a_second_database_gives_back_every_row_and_file(original, tmp_path):
    archive, uploads = original
    manifest = json.loads(zipfile.ZipFile(archive).read(services.MANIFEST))
    assert manifest["format"] == "zist-backup"
    assert manifest["zist_version"] == services.zist_version()
    assert ["organisations", "0001_initial"] in manifest["migrations"]
    before = entries(archive)
    rows = tables(before)
    assert len(rows["db/users.user.json"]) > 5
    assert rows["db/organisations.historicalorganisation.json"], "history is backed up"
    assert before["files/documents/policy.pdf"] == b"%PDF-1.4 \x00\xff policy"
    for name, data in before.items():
        assert manifest["sha256"][name] == hashlib.sha256(data).hexdigest()

    target = Target(tmp_path)
    done = target.zist("restore", archive)
    assert done.returncode == 0, done.stderr

    after = target.dump("again.zip")
    assert sorted(after) == sorted(before)
    restored = tables(after)
    for name in rows:
        assert len(restored[name]) == len(rows[name]), name
        assert restored[name] == rows[name], name
    for file in uploads.rglob("*"):
        if file.is_file():
            copy = tmp_path / "uploads" / file.relative_to(uploads)
            assert hashlib.sha256(copy.read_bytes()).digest() == (
                hashlib.sha256(file.read_bytes()).digest()
            )

    # A second restore meets a database with data: refused, nothing changed.
    again = target.zist("restore", archive)
    assert again.returncode != 0
    assert "not empty" in again.stderr
    assert target.dump("third.zip") == after


def test_a_damaged_archive_is_refused_and_changes_nothing(original, tmp_path):
    archive, _uploads = original
    damaged = tmp_path / "damaged.zip"
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    target = Target(tmp_path)
    empty = target.dump("empty.zip")

    done = target.zist("restore", damaged)
    assert done.returncode != 0
    assert "damaged" in done.stderr
    assert target.dump("after.zip") == empty
    assert tables(empty)["db/users.user.json"] == []
    assert not (tmp_path / "uploads").exists()


def test_a_foreign_archive_is_refused(tmp_path):
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as z:
        z.writestr("hello.txt", "not a backup")
    with pytest.raises(services.RestoreRefused, match="not a Zist backup"):
        services.restore(foreign)
    (tmp_path / "plain.txt").write_text("hello")
    with pytest.raises(services.RestoreRefused, match="damaged or not a Zist backup"):
        services.restore(tmp_path / "plain.txt")
    with (
        translation.override("fa"),
        pytest.raises(services.RestoreRefused, match="پشتیبان Zist نیست"),
    ):
        services.restore(foreign)


def test_sqlite_moves_to_postgresql(original, tmp_path):
    """On a SQLite run, the same archive restored into PostgreSQL (ZIST_BACKUP_PG_URL,
    an empty database this test may drop and create) gives back every row."""
    url = os.environ.get("ZIST_BACKUP_PG_URL")
    if connection.vendor != "sqlite" or not url:
        pytest.skip("SQLite → PostgreSQL needs a SQLite run and ZIST_BACKUP_PG_URL")
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as pg:
        pg.execute(f'DROP DATABASE IF EXISTS "{name}"')
        pg.execute(f'CREATE DATABASE "{name}"')
    archive, _uploads = original
    target = Target(tmp_path, url)
    done = target.zist("restore", archive)
    assert done.returncode == 0, done.stderr
    assert tables(target.dump("pg.zip")) == tables(entries(archive))


def test_on_postgresql_a_native_dump_is_in_the_archive_with_its_checksum(original, tmp_path):
    if connection.vendor != "postgresql" or not shutil.which("pg_restore"):
        pytest.skip("a native dump is made on PostgreSQL with pg_dump installed")
    archive, _uploads = original
    with zipfile.ZipFile(archive) as z:
        manifest = json.loads(z.read(services.MANIFEST))
        dump = z.read(services.NATIVE_DUMP)
    assert manifest["native_dump"]["name"] == services.NATIVE_DUMP
    assert manifest["native_dump"]["tool"].startswith("pg_dump (PostgreSQL)")
    assert manifest["sha256"][services.NATIVE_DUMP] == hashlib.sha256(dump).hexdigest()
    # pg_restore reads it: the schema of every Zist table is there.
    (tmp_path / "db.dump").write_bytes(dump)
    listing = subprocess.run(
        ["pg_restore", "--list", str(tmp_path / "db.dump")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "TABLE public jobs_job" in listing and "TABLE public users_user" in listing
    # Restore does not need it, but checks it: a changed byte is refused.
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(damaged, "w") as copy:
        for name in source.namelist():
            data = source.read(name)
            if name == services.NATIVE_DUMP:
                data = data[:-1] + bytes([data[-1] ^ 1])
            copy.writestr(name, data)
    with pytest.raises(services.RestoreRefused, match="checksum of native/postgresql.dump"):
        services.restore(damaged)


def test_on_sqlite_there_is_no_native_dump(original):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite run")
    archive, _uploads = original
    with zipfile.ZipFile(archive) as z:
        assert json.loads(z.read(services.MANIFEST))["native_dump"] is None
        assert not [n for n in z.namelist() if n.startswith("native/")]
