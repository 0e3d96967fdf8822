"""zist partitions [--list]: the readings' yearly partitions on PostgreSQL."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from zist.meters import partitions


class Command(BaseCommand):
    help = (
        "Make this year's and next year's partitions of the readings table (PostgreSQL), "
        "and one for each year the default partition caught, moving those readings into "
        "it; the nightly job does the same. --list prints each partition and its "
        "estimated rows. Nothing to do on SQLite."
    )

    def add_arguments(self, parser):
        parser.add_argument("--list", action="store_true", help="list the partitions")

    def handle(self, *args, **options):
        if not partitions.supported():
            self.stdout.write("The readings are one table on this database (SQLite).")
            return
        if not options["list"]:
            done = partitions.tidy()
            made = ", ".join(str(year) for year in done["made"]) or "none"
            self.stdout.write(
                f"Partitions made: {made}. "
                f"Readings left in the default partition: {done['default_rows']}."
            )
        for name, rows in partitions.summary():
            self.stdout.write(f"{name}\t~{rows}")
