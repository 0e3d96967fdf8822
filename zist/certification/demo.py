"""Demo certification bodies, certificates and the external audits of their current
cycles. Region 2 and each of its nine districts certified since 2 Bahman 1387
(21 January 2009) and renewed every three years since; Albertslund's EMAS
registration; Kemi's ISO 14001 certificate (2018). Idempotent: bodies by (unit, name),
certificates by (body, number), audits by (unit, title)."""

import datetime as dt

from zist.audits.models import Audit, AuditKind, AuditStatus
from zist.certification.cycle import cycle_decisions
from zist.certification.models import Certificate, CertificationBody, Standard
from zist.organisations.models import Unit

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"
TODAY = dt.date(2026, 11, 21)
DISTRICTS = [f"region2-d{n}" for n in range(1, 10)]

BODIES = {
    TEHRAN: ("region2", "نهاد گواهی‌دهنده (نماینده نهاد اتریشی)", "اعتباربخشی اتریش"),
    ALBERTSLUND: ("root", "Miljøverifikator", "Akkrediteret af DANAK"),
    KEMI: ("root", "Sertifiointielin", "FINAS-akkreditoitu"),
}

# (organisation, unit code, standard, number, first certified, scope statement)
CERTIFICATES = [
    (
        TEHRAN,
        "region2",
        Standard.ISO14001,
        "R2-EMS-00",
        dt.date(2009, 1, 21),
        "نظارت محیط زیستی بر همه فعالیت‌های خدمات شهری منطقه ۲",
    ),
    *[
        (
            TEHRAN,
            code,
            Standard.ISO14001,
            f"R2-EMS-0{code[-1]}",
            dt.date(2009, 1, 21),
            "خدمات شهری، فضای سبز و مدیریت پسماند ناحیه",
        )
        for code in DISTRICTS
    ],
    (
        ALBERTSLUND,
        "root",
        Standard.EMAS,
        "DK-EMAS-ALB",
        None,
        "Albertslund Kommunes arbejdspladser",
    ),
    (
        KEMI,
        "root",
        Standard.ISO14001,
        "FI-EMS-KEMI",
        dt.date(2018, 12, 10),
        "Kemin kaupungin palvelut",
    ),
]
DECISIONS = {ALBERTSLUND: dt.date(2024, 11, 12)}

# Completed external audits of the current cycles: (organisation, unit, title, kind,
# date, scope unit codes).
AUDITS = [
    (TEHRAN, "region2", "ممیزی مراقبتی اول ISO 14001 منطقه ۲ (۱۴۰۳)", AuditKind.SURVEILLANCE,
     dt.date(2024, 12, 15), ["region2", *DISTRICTS]),
    (TEHRAN, "region2", "ممیزی مراقبتی دوم ISO 14001 منطقه ۲ (۱۴۰۴)", AuditKind.SURVEILLANCE,
     dt.date(2025, 12, 14), ["region2", *DISTRICTS]),
    (ALBERTSLUND, "root", "EMAS-verifikation 2025", AuditKind.EMAS, dt.date(2025, 10, 7),
     ["root"]),
    (KEMI, "root", "Ulkoinen seuranta-auditointi 2025", AuditKind.SURVEILLANCE,
     dt.date(2025, 5, 20), ["root"]),
]  # fmt: skip


def _unit(org: str, code: str):
    if code == "root":
        return Unit.objects.filter(organisation__name=org, depth=1).first()
    return Unit.objects.filter(organisation__name=org, code=code).first()


def load() -> dict[str, int]:
    created = {"certification bodies": 0, "certificates": 0, "external audits": 0}
    bodies = {}
    for org, (code, name, accreditation) in BODIES.items():
        unit = _unit(org, code)
        if unit is None:
            continue
        bodies[org], new = CertificationBody.objects.get_or_create(
            unit=unit, name=name, defaults={"accreditation": accreditation}
        )
        created["certification bodies"] += new
    for org, code, standard, number, first, scope in CERTIFICATES:
        unit, body = _unit(org, code), bodies.get(org)
        if unit is None or body is None:
            continue
        decision = DECISIONS.get(org) or cycle_decisions(first, TODAY)[-1]
        _, new = Certificate.objects.get_or_create(
            body=body,
            number=number,
            defaults={
                "unit": unit,
                "standard": standard,
                "scope": scope,
                "first_certified": first,
                "decision_date": decision,
                "issue_date": decision,
            },
        )
        created["certificates"] += new
    for org, code, title, kind, day, scope in AUDITS:
        unit = _unit(org, code)
        if unit is None or Audit.objects.filter(unit=unit, title=title).exists():
            continue
        audit = Audit.objects.create(
            unit=unit,
            title=title,
            kind=kind,
            start_date=day,
            end_date=day + dt.timedelta(days=1),
            status=AuditStatus.COMPLETED,
            external_auditors=BODIES[org][1],
        )
        audit.scope_units.set([u for u in (_unit(org, c) for c in scope) if u])
        created["external audits"] += 1
    return created
