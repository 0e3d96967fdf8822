"""The certification evidence pack (decision 0025): for an assessment and a
certification audit, a ZIP holding

    index.html, index.pdf      every requirement of the library with its status, notes
                               and the evidence held, and the SHA-256 of every other file
    records/<app.model>.csv    an export of the linked records of each register
    evidence/<id>-<name>       the evidence files on those records and on the answers
    SHA256SUMS                 the SHA-256 of every file above (`sha256sum -c` reads it)

built as a background job with the permissions of the person who asked: a record goes
in only when the register's `restrict(user, "view")` holds for it (as
`services.visible_evidence` reads it), and an evidence file only when its record does.
The pack is then a record: its file, the file's SHA-256 and its counts are saved once,
with history, and downloaded by whoever asked for it or may see all it holds.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from weasyprint import HTML

from zist.attachments.models import Attachment
from zist.core import calendars, exports
from zist.core.middleware import activate_preferences
from zist.core.pdf import (
    PRINT_BASE,
    OfflineFetcher,
    font_configuration,
    print_context,
    svg_text_for_print,
)
from zist.core.querysets import scope_paths
from zist.core.registry import get_register, save_record
from zist.gaps import services
from zist.gaps.models import Answer, Assessment, Pack, PackState, Status
from zist.jobs import engine

JOB = "evidence-pack"
# Where the PDF renderer pretends the index lives: it fetches only Zist's own static
# files (the fonts and the print stylesheet) through OfflineFetcher, never a network.
ORIGIN = "http://zist.invalid/"


class PackRefused(Exception):
    """The pack cannot be built for this person (message in words, translated)."""


@dataclass
class Evidence:
    """One linked record as the index names it."""

    label: str
    register: str
    record_id: int
    export: str = ""
    files: list[str] = field(default_factory=list)
    # False for the answer itself, named only for the files on it.
    linked: bool = True


@dataclass
class Row:
    """One requirement of the library in the index."""

    number: str
    title: str
    depth: int
    answered: bool
    status: str = ""
    mapped: bool = False
    maturity: int | None = None
    reason: str = ""
    notes: str = ""
    evidence: list[Evidence] = field(default_factory=list)


# --- Asking for a pack ----------------------------------------------------------------


def may_build(user, assessment: Assessment) -> bool:
    """May `user` ask for a pack of `assessment` (add packs on its unit)?"""
    paths = scope_paths(user, Pack, "add")
    return paths is None or any(assessment.unit.path.startswith(path) for path in paths)


def ask(assessment: Assessment, request, *, audit=None, purpose: str = "") -> Pack:
    """Record that the person of `request` asks for a pack of `assessment`, through the
    one save path; its register queues the build once the transaction commits."""
    if not may_build(request.user, assessment):
        raise PermissionDenied(_("You may not build evidence packs of this unit."))
    from zist.gaps.registers import PackRegister

    pack = Pack(assessment=assessment, audit=audit)
    if purpose:
        pack.purpose = purpose
    pack.full_clean()
    with transaction.atomic():
        return save_record(PackRegister, pack, request)


def queue(pack: Pack, user):
    """Queue the build of `pack` for `user` (once: the job's key is the pack); it
    starts when the transaction commits."""
    return engine.enqueue(JOB, pack.pk, user=user, key=f"{JOB}:{pack.pk}")


def job_of(pack: Pack):
    """The job that builds (built) `pack`, or None (a pack built without one: the demo)."""
    from zist.jobs.models import Job

    return Job.objects.filter(key=f"{JOB}:{pack.pk}").first()


# --- What goes in ---------------------------------------------------------------------


def _safe_name(name: str) -> str:
    name = PurePosixPath(name.replace("\\", "/")).name or "file"
    name = re.sub(r"[\x00-\x1f/:*?\"<>|]", "_", name).strip(". ") or "file"
    return name[-120:]


def _csv(register, records, user) -> bytes:
    """The records as the register's CSV export, with their ids first (the index names
    records by register and id)."""
    queryset = register.model.objects.restrict(user, "view").filter(pk__in=[r.pk for r in records])
    table = register.table(queryset.order_by("pk"))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=exports.csv_delimiter())
    writer.writerow(["id", *[exports.csv_safe(v) for v in table.export_header()]])
    ids = list(table.queryset.values_list("pk", flat=True))
    for pk, row in zip(ids, table.export_rows(), strict=True):
        writer.writerow([pk, *[exports.csv_cell(exports.csv_safe(v)) for v in row]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def contents(
    assessment: Assessment, user, held: dict[str, list[int]] | None = None
) -> tuple[list[Row], dict[str, bytes]]:
    """The index's rows and the files of the pack (path → bytes) as `user` sees them;
    `held` receives the ids of every record and evidence file put in, by model."""
    held = {} if held is None else held
    answers = {
        a.requirement_id: a
        for a in assessment.answers.select_related("requirement").prefetch_related("evidence")
    }
    statuses = services.effective_statuses(assessment)
    links = [link for answer in answers.values() for link in answer.evidence.all()]
    shown = services.visible_evidence(links, user)
    by_model: dict[type, dict[int, object]] = {}
    for _link, record in shown:
        by_model.setdefault(type(record), {})[record.pk] = record
    files: dict[str, bytes] = {}
    exported: dict[type, str] = {}
    for model, records in sorted(by_model.items(), key=lambda item: item[0]._meta.label_lower):
        register = get_register(model)
        if register is None:
            continue
        path = f"records/{model._meta.label_lower}.csv"
        files[path] = _csv(register, list(records.values()), user)
        exported[model] = path
        held[model._meta.label_lower] = sorted(records)
    # Evidence files: on the linked records and on the answers, visible to `user`.
    answer_type = ContentType.objects.get_for_model(Answer)
    wanted = Q(content_type=answer_type, object_id__in=[a.pk for a in answers.values()])
    for model, records in by_model.items():
        wanted |= Q(content_type=ContentType.objects.get_for_model(model), object_id__in=records)
    on: dict[tuple[int, int], list[str]] = {}
    for attachment in Attachment.objects.restrict(user, "view").filter(wanted).order_by("pk"):
        path = f"evidence/{attachment.pk}-{_safe_name(attachment.name)}"
        try:
            with attachment.file.open("rb") as handle:
                files[path] = handle.read()
        except OSError:
            continue
        on.setdefault((attachment.content_type_id, attachment.object_id), []).append(path)
        held.setdefault(Attachment._meta.label_lower, []).append(attachment.pk)
    evidence: dict[int, list[Evidence]] = {}
    for link, record in shown:
        model = type(record)
        evidence.setdefault(link.answer_id, []).append(
            Evidence(
                label=str(record),
                register=str(model._meta.verbose_name),
                record_id=record.pk,
                export=exported.get(model, ""),
                files=on.get((link.target_type_id, record.pk), []),
            )
        )
    labels = dict(Status.choices)
    rows = []
    for clause in assessment.library.clauses.select_related("library").order_by("sort_key"):
        answer = answers.get(clause.pk)
        row = Row(
            number=clause.display_number,
            title=clause.display_title,
            depth=clause.number.count("."),
            answered=answer is not None,
        )
        if answer is not None:
            status, mapped = statuses[answer.pk]
            row.status, row.mapped = str(labels[status]), mapped
            row.maturity, row.reason, row.notes = answer.maturity, answer.reason, answer.notes
            row.evidence = evidence.get(answer.pk, [])
            if on.get((answer_type.pk, answer.pk)):
                row.evidence.append(
                    Evidence(
                        label=str(answer),
                        register=str(answer._meta.verbose_name),
                        record_id=answer.pk,
                        files=on[(answer_type.pk, answer.pk)],
                        linked=False,
                    )
                )
        rows.append(row)
    return rows, files


# --- Building -------------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _index(pack: Pack, assessment: Assessment, rows, files: dict[str, bytes], user) -> dict:
    groups, total = services.progress(assessment)
    return {
        "pack": pack,
        "assessment": assessment,
        "rows": rows,
        "files": [
            {"path": path, "size": len(data), "sha256": sha256(data)}
            for path, data in files.items()
        ],
        "total": total,
        "built_by": user,
        "built_at": timezone.now(),
        "organisation": assessment.unit.organisation,
    }


def _pdf(context: dict, title: str) -> bytes:
    markup = render_to_string(
        "gaps/pack_index.html",
        {
            **context,
            "base_template": PRINT_BASE,
            "pdf": print_context(None, title, context["organisation"]),
        },
    )
    fetcher = OfflineFetcher(ORIGIN)
    document = HTML(string=svg_text_for_print(markup), base_url=ORIGIN, url_fetcher=fetcher).render(
        font_config=font_configuration()
    )
    return document.write_pdf()


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """The ZIP of `files` in the order given, with fixed times (the same files give the
    same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return out.getvalue()


def build(pack: Pack, user, progress: Callable[[float], None] = lambda fraction: None) -> Pack:
    """Build `pack` as `user` sees the assessment and its evidence now, store its ZIP
    and save it (one history row). Raises PackRefused when `user` may no longer see
    the assessment."""
    if user is None or not user.is_active:
        raise PackRefused(_("The person who asked for this pack can no longer sign in."))
    assessment = (
        Assessment.objects.restrict(user, "view")
        .select_related("unit__organisation", "library")
        .filter(pk=pack.assessment_id)
        .first()
    )
    if assessment is None:
        raise PackRefused(_("The assessment is no longer there or no longer yours to see."))
    language = translation.get_language() or "en"
    before = calendars.active_calendar(), calendars.active_digits()
    activate_preferences(user, language)
    try:
        progress(0.05)
        held: dict[str, list[int]] = {}
        rows, files = contents(assessment, user, held)
        progress(0.4)
        context = _index(pack, assessment, rows, files, user)
        title = _("Evidence pack: %(assessment)s") % {"assessment": assessment}
        html = render_to_string(
            "gaps/pack_index.html", {**context, "base_template": "gaps/pack_base.html"}
        ).encode("utf-8")
        progress(0.5)
        pdf = _pdf(context, title)
        progress(0.9)
    finally:
        calendars.activate(*before)
        timezone.deactivate()
    everything = {"index.html": html, "index.pdf": pdf, **files}
    sums = "".join(f"{sha256(data)}  {path}\n" for path, data in everything.items())
    archive = zip_bytes({**everything, "SHA256SUMS": sums.encode("utf-8")})
    pack.file.save("pack.zip", ContentFile(archive), save=False)
    pack.assign(
        {
            "state": PackState.READY,
            "built_at": context["built_at"],
            "sha256": sha256(archive),
            "requirements": sum(1 for row in rows if row.answered),
            "records": len(
                {(e.register, e.record_id) for r in rows for e in r.evidence if e.linked}
            ),
            "files": sum(1 for path in files if path.startswith("evidence/")),
            "error": "",
            "held": held,
        }
    )
    pack._history_user = user
    pack.save()
    return pack


def may_download(pack: Pack, user) -> bool:
    """The person who asked may download the pack while they may see its assessment
    (the caller's restrict() says so); anyone else only while they may see every record
    and evidence file it holds. A district's representative thus never gets another
    district's records from a pack their regional manager built."""
    if user.is_superuser or (pack.requested_by_id and pack.requested_by_id == user.pk):
        return True
    for label, pks in (pack.held or {}).items():
        try:
            model = apps.get_model(label)
        except LookupError:
            return False
        if model.objects.restrict(user, "view").filter(pk__in=pks).count() != len(set(pks)):
            return False
    return True


def fail(pack: Pack, user, message: str) -> None:
    """Record that the pack could not be built (with history)."""
    if pack.assign({"state": PackState.FAILED, "error": message}):
        pack._history_user = user
        pack.save()


def _title(pk: int) -> str:
    pack = Pack.objects.select_related("assessment").filter(pk=pk).first()
    return _("Evidence pack: %(assessment)s") % {"assessment": pack.assessment if pack else pk}


@engine.kind(JOB, _title)
def build_job(job, pk: int):
    """The job: build the pack once (a run again after it was built keeps it)."""
    pack = Pack.objects.filter(pk=pk).first()
    if pack is None:
        raise engine.JobError(_("The evidence pack is no longer there."))
    if pack.state != PackState.READY:
        try:
            build(pack, job.user, progress=lambda fraction: engine.report(job, fraction))
        except PackRefused as exc:
            fail(pack, job.user, str(exc))
            raise engine.JobError(str(exc)) from None
        except (ValidationError, OSError) as exc:
            fail(pack, job.user, type(exc).__name__)
            raise
    return {
        "result": {"pack": pack.pk, "sha256": pack.sha256, "files": pack.files},
        "link": reverse("gaps:pack_detail", args=[pack.pk]),
    }
