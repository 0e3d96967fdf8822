"""`zist restore FILE`: restore a `zist backup` archive into an empty installation."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zist.backup import services


class Command(BaseCommand):
    help = (
        "Restore a `zist backup` archive into an empty, freshly migrated installation "
        "(SQLite or PostgreSQL). Checksums are verified first; a damaged or foreign "
        "archive, or a database with data, is refused and nothing is changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="The archive made by `zist backup`.")

    def handle(self, *args, archive: Path, **options):
        try:
            summary = services.restore(archive)
        except services.RestoreRefused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(
            f"{archive}: restored {sum(summary.tables.values())} rows in "
            f"{len(summary.tables)} tables, {summary.files} files."
        )
