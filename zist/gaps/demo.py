"""Kemi's gap assessment of the whole city against ISO 14001 (data/demo.json): the
answers every requirement gets, the evidence found in the registers linked, the
statuses the environmental team gave, and three gaps turned into actions, all when the
assessment is created; and Region 2 district 3's readiness for its next surveillance
audit, with the evidence pack its representative built for it. A later load changes
nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import translation

from zist.attachments.models import Attachment
from zist.audits.models import Audit, AuditKind, AuditStatus
from zist.clauses.services import iso14001
from zist.demo import datafile
from zist.gaps import pack, services
from zist.gaps.models import Assessment, Pack
from zist.organisations.models import Unit
from zist.users.models import User

DATA = Path(__file__).parent / "data" / "demo.json"


def load() -> dict[str, int]:
    counts = _kemi()
    counts.update(_district_pack())
    return counts


def _kemi() -> dict[str, int]:
    counts = datafile.load(DATA)
    data = json.loads(DATA.read_text(encoding="utf-8"))
    spec, language = data["answers"], data["language"]
    assessment = Assessment.objects.filter(
        unit__organisation__name="Kemin kaupunki", title=spec["assessment"][1]
    ).first()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    # Only when the assessment is new: registers loaded after this app (obligations,
    # reviews, training) would otherwise add evidence on every later load.
    if assessment is None or admin is None or assessment.answers.exists():
        return counts
    services.ensure_answers(assessment, admin)
    counts["evidence links"] = services.link_suggestions(assessment, admin)
    answers = {a.requirement.number: a for a in assessment.answers.select_related("requirement")}
    for number, (status, notes, *reason) in spec["status"].items():
        answer = answers[number]
        if not answer.status and answer.assign(
            {"status": status, "notes": notes, "reason": reason[0] if reason else ""}
        ):
            answer.full_clean()
            answer._history_user = admin
            answer.save()
    # The actions are written in the city's language, as its team would write them.
    with translation.override(language):
        for number in spec["actions"]:
            services.gap_to_action(answers[number], admin)
    return counts


# District 3's readiness for the surveillance audit of Dey 1405 and its evidence pack.
DISTRICT = ("شهرداری تهران", "region2-d3")
AUDIT = "ممیزی مراقبتی ISO 14001 ناحیه ۳ (دی ۱۴۰۵)"
READINESS = "آمادگی ممیزی مراقبتی ISO 14001 ناحیه ۳ (۱۴۰۵)"
STATUSES = {
    "4.1": ("conforms", "مسائل درونی و بیرونی ناحیه در بهار ۱۴۰۵ بازنگری شد."),
    "6.1.2": ("conforms", "جنبه‌ها با معیارهای بارزیِ منطقه ارزیابی شده‌اند."),
    "7.2": ("partly", "آموزش پیمانکاران فضای سبز هنوز ثبت نشده است."),
    "9.2.2": ("conforms", "ممیزی داخلی ناحیه در مهر ۱۴۰۵ انجام شد."),
    "10.2": ("gap", "اقدام اصلاحی دو عدم انطباق ممیزی قبلی بسته نشده است."),
}


def _district_pack() -> dict[str, int]:
    """District 3's assessment, its next surveillance audit and the pack built for it
    by the district's representative (with only what he may see), once."""
    district = Unit.objects.filter(organisation__name=DISTRICT[0], code=DISTRICT[1]).first()
    rep = User.objects.filter(username="district3.rep").first()
    library = iso14001()
    if district is None or rep is None or library is None:
        return {}
    counts = {"evidence packs": 0}
    audit, _new = Audit.objects.get_or_create(
        unit=district,
        title=AUDIT,
        defaults={
            "kind": AuditKind.SURVEILLANCE,
            "status": AuditStatus.PLANNED,
            "start_date": dt.date(2026, 12, 27),
            "end_date": dt.date(2026, 12, 28),
        },
    )
    assessment, new = Assessment.objects.get_or_create(
        unit=district,
        title=READINESS,
        defaults={
            "library": library,
            "assessed_on": dt.date(2026, 11, 28),
            "period_start": dt.date(2026, 3, 21),
        },
    )
    if new:
        services.ensure_answers(assessment, rep)
        counts["evidence links"] = services.link_suggestions(assessment, rep)
        answers = {
            a.requirement.number: a for a in assessment.answers.select_related("requirement")
        }
        for number, (status, notes) in STATUSES.items():
            answer = answers[number]
            answer.assign({"status": status, "notes": notes})
            answer.full_clean()
            answer._history_user = rep
            answer.save()
        # The signed internal-audit attendance sheet, scanned as text for the demo.
        sheet = "فهرست حاضران ممیزی داخلی ناحیه ۳ — مهر ۱۴۰۵\n".encode()
        Attachment.objects.create(
            parent=answers["9.2.2"],
            file=ContentFile(sheet, name="attendance.txt"),
            name="حاضران-ممیزی-داخلی.txt",
            mime_type="text/plain",
            size=len(sheet),
            uploaded_by=rep,
        )
    if not Pack.objects.filter(assessment=assessment).exists():
        made = Pack(assessment=assessment, audit=audit, purpose=audit.kind, requested_by=rep)
        made.full_clean()
        made._history_user = rep
        made.save()
        with translation.override("fa"):
            pack.build(made, rep)
        counts["evidence packs"] = 1
    return counts
