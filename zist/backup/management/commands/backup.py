"""`zist backup FILE`: the whole installation in one archive (zist.backup.services)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from zist.backup import services


class Command(BaseCommand):
    help = (
        "Write one backup archive: every table as portable JSON, the uploaded files, and "
        "a manifest with SHA-256 checksums, the Zist version and the migration state; on "
        "PostgreSQL also a pg_dump (custom format) when pg_dump is installed."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The archive to write (a .zip file).")

    def handle(self, *args, archive: Path, **options):
        summary = services.backup(archive)
        self.stdout.write(
            f"{archive}: {sum(summary.tables.values())} rows in {len(summary.tables)} "
            f"tables, {summary.files} files"
            + (f", and a native dump ({summary.native})." if summary.native else ".")
        )
        if summary.native_skipped:
            self.stderr.write(f"No native dump in the archive: {summary.native_skipped}")
