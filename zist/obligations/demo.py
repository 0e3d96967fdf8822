"""Demo compliance obligations and evaluations in each organisation's language: some
evaluations overdue, one not compliant. Links the obligations to the aspects they
govern (re-evaluating those aspects) and to the needs of interested parties.

Idempotent: obligations by organisation and reference; an evaluation is created only
when the obligation has none for that unit.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from zist.aspects.models import Aspect
from zist.aspects.services import reevaluate
from zist.obligations import services
from zist.obligations.models import ComplianceEvaluation, Obligation
from zist.organisations.models import Unit

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"

# organisation, unit, reference, title, kind, source, requirement, months, expires in days,
# aspects it governs (names), evaluations [(unit, days ago, result, notes)]
OBLIGATIONS = [
    (
        TEHRAN,
        "region2",
        "IR-AIR-1396",
        "قانون هوای پاک",
        "law",
        "مجلس شورای اسلامی",
        "کاهش آلاینده‌های هوا از منابع متحرک و ثابت، از جمله ناوگان و ماشین‌آلات شهرداری.",
        12,
        None,
        [
            "مصرف سوخت ماشین‌آلات رفت‌وروب",
            "گرد و غبار عملیات عمرانی",
            "انتشار آلاینده‌های ترافیک عبوری",
        ],
        [("region2", 200, "compliant", "معاینه فنی ناوگان کامل است.")],
    ),
    (
        TEHRAN,
        "region2",
        "IR-WASTE-1383",
        "قانون مدیریت پسماندها",
        "law",
        "مجلس شورای اسلامی",
        "تفکیک، جمع‌آوری، حمل و دفع بهداشتی پسماندها؛ مدیریت پسماند ویژه جدا از پسماند عادی.",
        12,
        None,
        [
            "پسماند خطرناک خانگی (باتری، لامپ)",
            "نشت شیرابه از خودروهای حمل پسماند",
            "نخاله‌های ساختمانی",
        ],
        [
            (
                "region2-d3",
                420,
                "not_compliant",
                "پسماند ویژه کارگاه ناحیه ۳ همراه پسماند عادی دفع می‌شود.",
            )
        ],
    ),
    (
        TEHRAN,
        "region2",
        "IR-WATER-1384",
        "آیین‌نامه جلوگیری از آلودگی آب",
        "regulation",
        "هیئت وزیران",
        "ممنوعیت تخلیه فاضلاب و روغن به آب‌های سطحی و زیرزمینی.",
        12,
        None,
        ["تخلیه روغن سوخته تعمیرگاه‌ها", "شستشوی خودروها"],
        [("region2", 500, "partly", "پایش پساب کارواش‌ها ناقص است.")],
    ),
    (
        TEHRAN,
        "region2",
        "IR-NOISE-1378",
        "آیین‌نامه جلوگیری از آلودگی صوتی",
        "regulation",
        "سازمان حفاظت محیط زیست",
        "رعایت حدود مجاز تراز صدا در مناطق مسکونی.",
        24,
        None,
        ["آلودگی صوتی کارگاه‌های صنفی", "آلودگی صوتی بزرگراه‌ها"],
        [("region2", 300, "compliant", "")],
    ),
    (
        TEHRAN,
        "region2-env",
        "PRM-GAS-02",
        "پروانه بهره‌برداری موتورخانه ساختمان مرکزی",
        "permit",
        "شرکت گاز استان تهران",
        "بازرسی سالانه ایمنی موتورخانه و دودکش.",
        12,
        45,
        ["مصرف گاز موتورخانه‌ها", "نشت گاز در موتورخانه"],
        [],
    ),
    (
        TEHRAN,
        "region2",
        "TM-GREEN-07",
        "دستورالعمل آبیاری فضای سبز با آب غیرشرب",
        "agreement",
        "شهرداری تهران",
        "استفاده از آب خام و پساب تصفیه‌شده برای آبیاری فضای سبز.",
        12,
        None,
        ["مصرف آب آبیاری", "مصرف آب چاه‌های بوستان"],
        [("region2-d4", 100, "compliant", "")],
    ),
    (
        TEHRAN,
        "region2",
        "ISO-14001-R2",
        "تعهد به بهبود مستمر عملکرد زیست‌محیطی",
        "voluntary",
        "خط‌مشی زیست‌محیطی منطقه ۲",
        "اجرای برنامه‌های زیست‌محیطی و گزارش سالانه شاخص‌ها.",
        12,
        None,
        [],
        [("region2", 30, "compliant", "")],
    ),
    (
        ALBERTSLUND,
        "root",
        "DK-MBL",
        "Miljøbeskyttelsesloven",
        "law",
        "Folketinget",
        "Forebyggelse og bekæmpelse af forurening af luft, vand og jord.",
        12,
        None,
        ["Oliespild ved værkstedet", "Klorkemikalier"],
        [("root", 90, "compliant", "Gennemgået på det årlige miljømøde.")],
    ),
    (
        ALBERTSLUND,
        "root",
        "DK-AFFALD",
        "Affaldsbekendtgørelsen",
        "regulation",
        "Miljøministeriet",
        "Kildesortering af affald i mindst ti fraktioner på kommunale arbejdspladser.",
        12,
        None,
        ["Affaldssortering"],
        [("herstedlund-skole", 400, "partly", "Farligt affald sorteres ikke.")],
    ),
    (
        ALBERTSLUND,
        "svommehal",
        "DK-BAD-TILL",
        "Tilladelse til afledning af bassinvand",
        "permit",
        "Albertslund Kommune, Miljø",
        "Grænseværdier for klor i afledt vand.",
        12,
        200,
        ["Klorkemikalier", "Vandforbrug"],
        [("svommehal", 150, "compliant", "")],
    ),
    (
        ALBERTSLUND,
        "root",
        "DK-KLIMA",
        "Klimakommuneaftalen med Danmarks Naturfredningsforening",
        "agreement",
        "Danmarks Naturfredningsforening",
        "CO₂-udledningen fra kommunen som virksomhed reduceres med mindst 2 % om året.",
        12,
        None,
        ["Varmeforbrug til bassiner"],
        [("root", 380, "compliant", "")],
    ),
    (
        KEMI,
        "root",
        "FI-YSL-527",
        "Ympäristönsuojelulaki (527/2014)",
        "law",
        "Eduskunta",
        "Ympäristön pilaantumisen ehkäiseminen ja toiminnanharjoittajan selvilläolovelvollisuus.",
        12,
        None,
        ["Hiekoitus ja pöly"],
        [("root", 60, "compliant", "")],
    ),
    (
        KEMI,
        "root",
        "FI-JL-646",
        "Jätelaki (646/2011)",
        "law",
        "Eduskunta",
        "Jätehierarkian noudattaminen ja erilliskeräys.",
        12,
        None,
        ["Sekajätteen määrä"],
        [("ymparisto", 410, "compliant", "")],
    ),
]


def load() -> dict[str, int]:
    created = {"obligations": 0, "compliance evaluations": 0}
    today = timezone.localdate()
    for (
        org,
        unit_code,
        reference,
        title,
        kind,
        source,
        requirement,
        months,
        expires,
        aspect_names,
        evaluations,
    ) in OBLIGATIONS:
        unit = Unit.objects.get(organisation__name=org, code=unit_code)
        obligation = Obligation.objects.filter(
            unit__organisation__name=org, reference=reference
        ).first()
        if obligation is None:
            obligation = Obligation.objects.create(
                unit=unit,
                reference=reference,
                title=title,
                kind=kind,
                source=source,
                requirement=requirement,
                frequency_months=months,
                valid_from=today - dt.timedelta(days=800),
                expires_on=today + dt.timedelta(days=expires) if expires else None,
            )
            created["obligations"] += 1
            aspects = Aspect.objects.filter(
                activity__unit__organisation__name=org, name__in=aspect_names
            )
            obligation.aspects.add(*aspects)
            reevaluate(aspects)
        for unit_code_eval, days_ago, result, notes in evaluations:
            evaluated_unit = Unit.objects.get(organisation__name=org, code=unit_code_eval)
            if ComplianceEvaluation.objects.filter(
                obligation=obligation, unit=evaluated_unit
            ).exists():
                continue
            ComplianceEvaluation.objects.create(
                obligation=obligation,
                unit=evaluated_unit,
                evaluated_on=today - dt.timedelta(days=days_ago),
                result=result,
                notes=notes,
            )
            created["compliance evaluations"] += 1
        services.refresh(obligation)
    _link_needs()
    return created


# Needs of interested parties (context demo) adopted as these obligations:
# organisation, party name, obligation reference.
NEED_LINKS = [
    (TEHRAN, "سازمان حفاظت محیط زیست", "IR-AIR-1396"),
    (TEHRAN, "شهروندان و شورایاری‌های محلات", "IR-WASTE-1383"),
    (ALBERTSLUND, "Miljøstyrelsen", "DK-MBL"),
    (KEMI, "Lapin ELY-keskus", "FI-YSL-527"),
]


def _link_needs() -> None:
    from zist.context.models import Need

    for org, party, reference in NEED_LINKS:
        obligation = Obligation.objects.filter(
            unit__organisation__name=org, reference=reference
        ).first()
        need = Need.objects.filter(
            party__unit__organisation__name=org,
            party__name=party,
            becomes_obligation=True,
            obligation__isnull=True,
        ).first()
        if obligation and need:
            need.obligation = obligation
            need.save()
