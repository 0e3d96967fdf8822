"""zist import-readings FILE --unit CODE …: the scheduled feed of meter readings."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zist.meters import imports
from zist.meters.models import ImportSource
from zist.organisations.models import Unit


class Command(BaseCommand):
    help = (
        "Import a CSV or XLSX file of meter readings into the meters of a unit's subtree: "
        "all rows or none, and importing the same file twice stores one copy."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--unit", required=True, help="code of the unit")
        parser.add_argument("--organisation", help="organisation name, if unit codes repeat")
        parser.add_argument("--source", help="name of a reading source (remembered columns)")
        parser.add_argument("--meter-column")
        parser.add_argument("--timestamp-column")
        parser.add_argument("--value-column")
        parser.add_argument("--quality-column")
        parser.add_argument("--decimal-comma", action="store_true")
        parser.add_argument("--quiet", action="store_true", help="no progress lines")

    def handle(self, *args, **options):
        unit = self.find_unit(options["unit"], options.get("organisation"))
        source = None
        if options.get("source"):
            source = ImportSource.objects.filter(
                unit__organisation=unit.organisation, name=options["source"]
            ).first()
            if source is None:
                raise CommandError(f"no reading source named {options['source']!r}")
        mapping = {
            key: options[f"{key}_column"]
            for key in ("meter", "timestamp", "value", "quality")
            if options.get(f"{key}_column")
        }
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        started = time.perf_counter()
        report = self.run(path, unit, source, mapping, options)
        seconds = time.perf_counter() - started
        if not report.ok:
            for error in report.errors:
                self.stderr.write(f"row {error.row}: {error.message}")
            if report.more_errors:
                self.stderr.write(f"… and {report.more_errors} more rows with errors")
            raise CommandError(
                f"{len(report.errors) + report.more_errors} rows have errors; nothing was imported"
            )
        self.stdout.write(
            f"{report.rows} rows: {report.created} new readings, {report.skipped} already "
            f"present ({seconds:.1f} s, {report.rows / max(seconds, 1e-9):.0f} rows/s)"
        )
        return None

    def find_unit(self, code: str, organisation: str | None) -> Unit:
        units = Unit.objects.filter(code=code)
        if organisation:
            units = units.filter(organisation__name=organisation)
        found = list(units[:2])
        if not found:
            raise CommandError(f"no unit with code {code!r}")
        if len(found) > 1:
            raise CommandError(f"several units have code {code!r}; add --organisation")
        return found[0]

    def run(self, path, unit, source, mapping, options):
        def progress(stage: str, rows: int) -> None:
            if not options.get("quiet"):
                sys.stderr.write(f"  {stage}: {rows} rows\n")

        try:
            with path.open("rb") as handle:
                return imports.import_readings(
                    handle,
                    path.name,
                    unit,
                    user=None,
                    mapping=mapping,
                    source=source,
                    decimal_comma=options.get("decimal_comma", False),
                    progress=progress,
                )
        except imports.ImportFileError as exc:
            raise CommandError(str(exc)) from None
