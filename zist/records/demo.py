"""Demo record types and records: Region 2 in Persian, Albertslund in Danish, Kemi in
Finnish; some records are past their retention and wait for a decision.

Idempotent: record types are found by (unit, name), records by (unit, reference).
"""

from __future__ import annotations

import datetime as dt

from zist.demo.platform import ALBERTSLUND, KEMI, TEHRAN
from zist.organisations.models import Unit
from zist.records.models import Record, RecordType

TYPES = [
    (TEHRAN, "region2-env", "سوابق آموزش", "7.2", 36),
    (TEHRAN, "region2-env", "نتایج پایش و اندازه‌گیری", "9.1.1", 60),
    (TEHRAN, "region2-env", "گزارش‌های ممیزی داخلی", "9.2", 72),
    (TEHRAN, "region2-env", "سوابق ارتباطات بیرونی", "7.4", 24),
    (ALBERTSLUND, "root", "Referater fra miljømøder", "9.3", 60),
    (ALBERTSLUND, "root", "Deltagerlister fra miljøseminarer", "7.2", 36),
    (KEMI, "ymparisto", "Koulutusrekisteri", "7.2", 36),
    (KEMI, "ymparisto", "Sisäisten auditointien raportit", "9.2", 72),
]

RECORDS = [
    (
        TEHRAN,
        "region2-env",
        "سوابق آموزش",
        "REC-1398-07",
        "فهرست حضور دورهٔ آموزش پیمانکاران",
        dt.date(2019, 5, 10),
        "بایگانی واحد محیط زیست",
    ),
    (
        TEHRAN,
        "region2-env",
        "سوابق ارتباطات بیرونی",
        "REC-1399-02",
        "پاسخ‌های مکتوب به شهروندان، سال ۱۳۹۹",
        dt.date(2020, 9, 1),
        "بایگانی واحد محیط زیست",
    ),
    (
        TEHRAN,
        "region2-env",
        "گزارش‌های ممیزی داخلی",
        "REC-1402-11",
        "گزارش ممیزی داخلی ناحیهٔ ۳",
        dt.date(2023, 11, 20),
        "سامانهٔ زیست",
    ),
    (
        ALBERTSLUND,
        "root",
        "Referater fra miljømøder",
        "REF-2018-1",
        "Referat af det årlige miljømøde 2018",
        dt.date(2018, 11, 30),
        "Rådhusets arkiv",
    ),
    (
        ALBERTSLUND,
        "root",
        "Deltagerlister fra miljøseminarer",
        "DL-2024-1",
        "Deltagerliste, forårsseminar 2024",
        dt.date(2024, 4, 18),
        "Zist",
    ),
    (
        KEMI,
        "ymparisto",
        "Koulutusrekisteri",
        "KR-2019",
        "Ympäristökoulutuksen osallistujat 2019",
        dt.date(2019, 10, 1),
        "Arkisto, Valtakatu",
    ),
]


def load() -> dict[str, int]:
    created = {"record types": 0, "records": 0}
    for organisation, code, name, clause, months in TYPES:
        unit = Unit.objects.get(organisation__name=organisation, code=code)
        _type, made = RecordType.objects.get_or_create(
            unit=unit, name=name, defaults={"clause": clause, "retention_months": months}
        )
        created["record types"] += made
    for organisation, code, type_name, reference, title, day, location in RECORDS:
        unit = Unit.objects.get(organisation__name=organisation, code=code)
        if Record.objects.filter(unit=unit, reference=reference).exists():
            continue
        Record.objects.create(
            unit=unit,
            record_type=RecordType.objects.get(unit=unit, name=type_name),
            reference=reference,
            title=title,
            record_date=day,
            location=location,
        )
        created["records"] += 1
    return created
