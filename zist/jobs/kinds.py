"""The job kinds Zist queues itself: large imports, reminders, the objective refresh.
Other apps add theirs with `engine.kind(name, title)` and queue them with
`zist.jobs.enqueue(name, *args, user=...)` (a PDF render, an evidence pack)."""

from __future__ import annotations

import io
import uuid
from pathlib import PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from zist.core import imports, numbers
from zist.core.registry import get_register
from zist.jobs import engine


def store_upload(upload) -> str:
    """Keep an uploaded file where every app server and worker reads it (the uploads
    folder, shared between machines in a multi-machine deployment)."""
    name = PurePosixPath(upload.name or "upload").name[-100:]
    return default_storage.save(f"jobs/{uuid.uuid4().hex}/{name}", upload)


def _import_title(label: str, path: str, name: str = "") -> str:
    register = get_register(label)
    plural = register.model._meta.verbose_name_plural if register else label
    return _("Import of %(file)s into %(register)s") % {
        "file": name or PurePosixPath(path).name,
        "register": plural,
    }


@engine.kind("import", _import_title)
def import_file(job, label: str, path: str, name: str = ""):
    """Import a stored spreadsheet as its owner would on the page: every row or none."""
    register = get_register(label)
    if register is None or job.user is None or not default_storage.exists(path):
        raise engine.JobError(_("The file to import is no longer there; upload it again."))
    request = HttpRequest()
    request.user = job.user
    request.method = "POST"
    with default_storage.open(path, "rb") as handle:
        upload = File(io.BytesIO(handle.read()), name=name or PurePosixPath(path).name)
    try:
        result = imports.run_import(
            register, upload, request, progress=lambda f: engine.report(job, f)
        )
    except imports.ImportFileError as exc:
        default_storage.delete(path)
        raise engine.JobError(str(exc)) from None
    default_storage.delete(path)
    if not result.ok:
        errors = [[e.row, [str(m) for m in e.messages]] for e in result.errors]
        raise engine.JobError(
            ngettext(
                "%(count)s row has errors; nothing was imported.",
                "%(count)s rows have errors; nothing was imported.",
                len(errors),
            )
            % {"count": numbers.format_number(len(errors))},
            result={"errors": errors},
        )
    return {
        "result": {"created": result.created, "updated": result.updated},
        "link": reverse(register.url_name("list")),
    }


def _command(name: str):
    def run(job):
        out = io.StringIO()
        call_command(name, stdout=out)
        return {"result": {"output": out.getvalue().strip()}}

    return run


engine.kind("remind", lambda: _("Reminders of what is due"))(_command("remind"))
engine.kind("refresh-objectives", lambda: _("Objectives read again from their indicators"))(
    _command("refresh-objectives")
)


def import_in_background(register, upload, user) -> str:
    """Queue the import of a large file into `register`; the address of the job's page
    (installed as zist.core.imports.background when the jobs app loads)."""
    from zist.jobs import enqueue

    job = enqueue(
        "import", register.model._meta.label_lower, store_upload(upload), upload.name, user=user
    )
    return reverse("jobs:job_detail", args=[job.uuid])
