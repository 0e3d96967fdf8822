"""Demo audit programmes, audits, checklists and findings in each organisation's
language. Idempotent: programmes by (unit, year), audits by (unit, title), findings by
(audit, statement). Region 2's programme for 1406 is left for the visitor to plan
by risk: run here, before the certification demo adds its external audits, the plan
would take every district for never audited."""

import datetime as dt

from zist.audits import services
from zist.audits.models import Audit, AuditKind, AuditProgramme, AuditStatus, ChecklistItem, Finding
from zist.clauses.services import iso14001
from zist.organisations.models import Unit

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"
CORE_CLAUSES = ["4.1", "5.2", "6.1.2", "6.1.3", "7.2", "8.1", "8.2", "9.1.2", "10.2"]

PROGRAMMES = [
    (
        TEHRAN,
        "region2",
        1405,
        "برنامه ممیزی داخلی منطقه ۲ - ۱۴۰۵",
        "ممیزی هر ناحیه دست‌کم یک بار در سال؛ نواحی دارای جنبه‌های مهم یا یافته‌های قبلی هر شش ماه.",
    ),
    (
        ALBERTSLUND,
        "root",
        2026,
        "Intern auditprogram 2026",
        "Alle arbejdspladser auditeres mindst hvert andet år; EMAS-verifikation i efteråret.",
    ),
    (
        KEMI,
        "root",
        2026,
        "Sisäinen auditointiohjelma 2026",
        "Kaikki palvelualueet auditoidaan kolmen vuoden aikana; ulkoinen seuranta-auditointi.",
    ),
    (
        TEHRAN,
        "region2",
        1406,
        "برنامه ممیزی داخلی منطقه ۲ - ۱۴۰۶",
        "ممیزی هر واحد بر پایه ریسک آن زمان‌بندی می‌شود.",
    ),
]

# (organisation, programme unit, year, audited unit, title, kind, start, status,
#  scope unit codes, external auditors, summary, findings [(unit, clause, grade, text)])
AUDITS = [
    (
        TEHRAN,
        "region2",
        1405,
        "region2-d3",
        "ممیزی داخلی ناحیه ۳",
        AuditKind.INTERNAL,
        dt.date(2026, 5, 12),
        AuditStatus.COMPLETED,
        [],
        "تیم ممیزی داخلی واحد محیط زیست",
        "سیستم در ناحیه ۳ به‌طور کلی اجرا می‌شود؛ برچسب‌گذاری مواد خطرناک نیاز به بهبود دارد.",
        [
            (
                "region2-d3",
                "8.1",
                "minor",
                "بشکه‌های روغن کارگاه بدون حوضچه مهار نشت نگهداری می‌شوند.",
            ),
            (
                "region2-d3",
                "7.3",
                "opportunity",
                "آموزش تفکیک پسماند برای پیمانکاران جدید تکرار شود.",
            ),
        ],
    ),
    (
        TEHRAN,
        "region2",
        1405,
        "region2-d4",
        "ممیزی داخلی ناحیه ۴",
        AuditKind.INTERNAL,
        dt.date(2026, 6, 2),
        AuditStatus.COMPLETED,
        [],
        "تیم ممیزی داخلی واحد محیط زیست",
        "آمادگی در شرایط اضطراری انبار سوخت کامل نیست.",
        [
            (
                "region2-d4",
                "9.1.1",
                "minor",
                "سوابق پایش پسماند تفکیک‌شده در سه ماه اخیر ثبت نشده است.",
            )
        ],
    ),
    (
        TEHRAN,
        "region2",
        1405,
        "region2-d1",
        "ممیزی داخلی ناحیه ۱",
        AuditKind.INTERNAL,
        dt.date(2026, 12, 8),
        AuditStatus.PLANNED,
        [],
        "",
        "",
        [],
    ),
    (
        TEHRAN,
        "region2",
        1405,
        "region2",
        "ممیزی تمدید گواهی ISO 14001 منطقه ۲",
        AuditKind.RECERTIFICATION,
        dt.date(2027, 1, 10),
        AuditStatus.PLANNED,
        ["region2", "region2-d2", "region2-d5"],
        "نهاد گواهی‌دهنده",
        "",
        [],
    ),
    (
        ALBERTSLUND,
        "root",
        2026,
        "svommehal",
        "Intern audit: Albertslund Svømmehal",
        AuditKind.INTERNAL,
        dt.date(2026, 3, 17),
        AuditStatus.COMPLETED,
        [],
        "Miljøkoordinatorerne",
        "God styring af energi og vand; kemikalierummet skal opdateres.",
        [
            (
                "svommehal",
                "7.5.3",
                "minor",
                "Sikkerhedsdatablade i kemikalierummet er ikke opdaterede.",
            )
        ],
    ),
    (
        ALBERTSLUND,
        "root",
        2026,
        "root",
        "EMAS-verifikation 2026",
        AuditKind.EMAS,
        dt.date(2026, 10, 6),
        AuditStatus.COMPLETED,
        ["root", "bibliotek", "raadhuset"],
        "Miljøverifikator",
        "Miljøredegørelsen valideret.",
        [
            (
                "bibliotek",
                "7.4.3",
                "observation",
                "Miljøhåndbogen på biblioteket kan gøres lettere at finde.",
            )
        ],
    ),
    (
        KEMI,
        "root",
        2026,
        "kiinteisto",
        "Sisäinen auditointi: Kiinteistöpalvelut",
        AuditKind.INTERNAL,
        dt.date(2026, 4, 21),
        AuditStatus.COMPLETED,
        [],
        "Ympäristökoordinaattori",
        "Jätehuolto hyvällä tasolla, merkinnöissä puutteita.",
        [("kiinteisto", "8.1", "observation", "Jäteöljyn keräysastian merkintä puuttui.")],
    ),
    (
        KEMI,
        "root",
        2026,
        "root",
        "Ulkoinen seuranta-auditointi 2026",
        AuditKind.SURVEILLANCE,
        dt.date(2026, 11, 24),
        AuditStatus.PLANNED,
        ["root", "tekninen", "sivistyspalvelut"],
        "Sertifiointielin",
        "",
        [],
    ),
]


def _unit(org: str, code: str):
    if code == "root":
        return Unit.objects.filter(organisation__name=org, depth=1).first()
    return Unit.objects.filter(organisation__name=org, code=code).first()


def load() -> dict[str, int]:
    created = {"audit programmes": 0, "audits": 0, "findings": 0}
    programmes = {}
    for org, code, year, title, objectives in PROGRAMMES:
        unit = _unit(org, code)
        if unit is None:
            continue
        programme, new = AuditProgramme.objects.get_or_create(
            unit=unit, year=year, defaults={"title": title, "objectives": objectives}
        )
        programmes[(org, code, year)] = programme
        created["audit programmes"] += new
    clauses = list(iso14001().clauses.filter(number__in=CORE_CLAUSES))
    clause_by_number = {c.number: c for c in iso14001().clauses.all()}
    for (org, p_code, year, code, title, kind, start, status, scope, external, summary,
         findings) in AUDITS:  # fmt: skip
        unit, programme = _unit(org, code), programmes.get((org, p_code, year))
        if unit is None or programme is None:
            continue
        audit = Audit.objects.filter(unit=unit, title=title).first()
        if audit is None:
            audit = Audit.objects.create(
                programme=programme,
                unit=unit,
                title=title,
                kind=kind,
                start_date=start,
                end_date=start + dt.timedelta(days=1),
                status=status,
                external_auditors=external,
                summary=summary,
            )
            audit.scope_units.set([u for u in (_unit(org, c) for c in scope) if u])
            audit.clauses.set(clauses)
            services.generate_checklist(audit)
            if status == AuditStatus.COMPLETED:
                audit.checklist.update(result="conforms")
            created["audits"] += 1
        for f_code, number, grade, statement in findings:
            if Finding.objects.filter(audit=audit, statement=statement).exists():
                continue
            finding = Finding.objects.create(
                audit=audit,
                unit=_unit(org, f_code),
                clause=clause_by_number.get(number),
                grade=grade,
                statement=statement,
            )
            services.raise_nonconformity(finding)
            if grade in ("major", "minor"):
                ChecklistItem.objects.filter(audit=audit, clause__number=number).update(
                    result="nonconforms"
                )
            created["findings"] += 1
    return created
