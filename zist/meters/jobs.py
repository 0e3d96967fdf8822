"""The reading import as a background job: a file larger than ZIST_IMPORT_BACKGROUND_KB
is stored in the shared uploads folder and imported by a worker (any machine), every
row or none, exactly as the page would (zist.meters.imports)."""

from __future__ import annotations

from pathlib import PurePosixPath

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zist.core import numbers
from zist.jobs import engine
from zist.meters import imports
from zist.meters.models import ImportSource


def _title(unit_id: int, path: str, name: str = "", *rest) -> str:
    return _("Import of readings from %(file)s") % {"file": name or PurePosixPath(path).name}


@engine.kind("import-readings", _title)
def import_readings(
    job,
    unit_id: int,
    path: str,
    name: str,
    mapping: dict,
    source_id: int | None,
    decimal_comma: bool,
):
    from zist.organisations.models import Unit

    # The person's scope is read again now: what they may no longer add to is not found.
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None or job.user is None or not default_storage.exists(path):
        raise engine.JobError(_("The file to import is no longer there; upload it again."))
    source = None
    if source_id:
        source = ImportSource.objects.restrict(job.user, "view").filter(pk=source_id).first()
    try:
        with default_storage.open(path, "rb") as handle:
            report = imports.import_readings(
                handle,
                name or PurePosixPath(path).name,
                unit,
                user=job.user,
                mapping=mapping,
                source=source,
                decimal_comma=decimal_comma,
            )
    except imports.ImportFileError as exc:
        default_storage.delete(path)
        raise engine.JobError(str(exc)) from None
    default_storage.delete(path)
    if not report.ok:
        errors = [[error.row, [str(error.message)]] for error in report.errors]
        raise engine.JobError(
            ngettext(
                "%(count)s row has errors; nothing was imported.",
                "%(count)s rows have errors; nothing was imported.",
                len(errors) + report.more_errors,
            )
            % {"count": numbers.format_number(len(errors) + report.more_errors)},
            result={"errors": errors},
        )
    return {
        "result": {
            "created": report.created,
            "updated": 0,
            "skipped": report.skipped,
            "batch": report.batch.pk if report.batch else None,
        },
        "link": reverse("meters:reading_list"),
    }


@engine.kind("readings-partitions", lambda: _("Partitions of the readings made ahead"))
def make_partitions(job):
    """Nightly: this year's and next year's partitions of the readings (PostgreSQL),
    and the readings the default partition caught moved into their years' own."""
    from zist.meters import partitions

    done = partitions.tidy()
    return {"result": {"made": done["made"], "default_rows": done["default_rows"]}}
