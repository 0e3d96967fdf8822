"""`zist libraries load FILE [--unit ID]` and `zist libraries export CODE [--version V]`:
requirement libraries to and from their file format (docs/requirement-libraries.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zist.clauses import libfile
from zist.clauses.models import Library
from zist.organisations.models import Unit


class Command(BaseCommand):
    help = "Load a requirement library from its YAML file, or export one to it."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        load = sub.add_parser("load", help="Load (create or update) a library file.")
        load.add_argument("file", type=Path)
        load.add_argument("--unit", type=int, help="The unit (id) the library belongs to.")
        export = sub.add_parser("export", help="Write a library as YAML to stdout.")
        export.add_argument("code")
        export.add_argument("--version", dest="library_version", help="Default: the newest.")
        export.add_argument("--unit", type=int, help="The unit of an own library.")

    def handle(self, *args, verb, **options):
        return getattr(self, verb)(**options)

    def load(self, file: Path, unit=None, **options) -> None:
        try:
            spec = libfile.read(file.read_text(encoding="utf-8"))
            owner = Unit.objects.get(pk=unit) if unit else None
            library, created = libfile.load(spec, unit=owner, builtin=owner is None)
        except (OSError, libfile.LibraryFileError, Unit.DoesNotExist) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{library.code} {library.version}: {created} requirements created")

    def export(self, code: str, library_version=None, unit=None, **options) -> None:
        libraries = Library.objects.filter(code=code, unit_id=unit)
        if library_version:
            libraries = libraries.filter(version=library_version)
        library = libraries.order_by("-pk").first()
        if library is None:
            raise CommandError(f"No library {code}.")
        self.stdout.write(libfile.write(libfile.export(library)), ending="")
