"""Demo objectives and programmes in each organisation's language: Region 2's
environmental programmes from the seed document, Albertslund's common EMAS goals and
local goals per workplace, Kemi's city-wide objectives.

Idempotent: objectives by unit and code, programmes by unit and name, tasks by
programme and title.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from zist.actions.models import Action, ActionKind, ActionStatus
from zist.indicators.models import Indicator
from zist.indicators.rollups import year_period
from zist.objectives import services
from zist.objectives.models import Objective, Programme
from zist.organisations.models import Unit

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"
D = Decimal

# organisation, unit, code, statement, scope, measure unit, baseline, baseline year,
# target, current, deadline
OBJECTIVES = [
    (
        TEHRAN,
        "region2",
        "R2-ENERGY",
        "کاهش ۱۵٪ مصرف گاز ساختمان‌های اداری منطقه",
        "common",
        "هزار مترمکعب",
        D(1200),
        1402,
        D(1020),
        D(1110),
        dt.date(2026, 3, 20),
    ),
    (
        TEHRAN,
        "region2",
        "R2-WATER",
        "تأمین ۴۰٪ آب آبیاری فضای سبز از پساب و آب خام",
        "common",
        "درصد",
        D(12),
        1402,
        D(40),
        D(26),
        dt.date(2027, 3, 20),
    ),
    (
        TEHRAN,
        "region2",
        "R2-WASTE",
        "افزایش سهم پسماند تفکیک‌شده از مبدأ به ۲۰٪",
        "common",
        "درصد",
        D(8),
        1402,
        D(20),
        D(11),
        dt.date(2026, 3, 20),
    ),
    (
        TEHRAN,
        "region2",
        "R2-SOLAR",
        "نصب ۳۰۰ کیلووات نیروگاه خورشیدی در بوستان‌ها",
        "common",
        "کیلووات",
        D(0),
        1402,
        D(300),
        D(120),
        dt.date(2026, 9, 22),
    ),
    (
        TEHRAN,
        "region2",
        "R2-FLOOD",
        "کاهش ورود پسماند به مسیل‌ها با تله‌های زباله",
        "common",
        "تن در سال",
        D(85),
        1402,
        D(40),
        D(60),
        dt.date(2026, 3, 20),
    ),
    (
        TEHRAN,
        "region2",
        "R2-CLUBS",
        "تشکیل باشگاه محیط زیست در همهٔ محلات منطقه",
        "common",
        "باشگاه",
        D(3),
        1402,
        D(18),
        D(9),
        dt.date(2026, 12, 21),
    ),
    (
        TEHRAN,
        "region2-d3",
        "D3-OIL",
        "دفع اصولی ۱۰۰٪ روغن سوخته کارگاه ناحیه ۳",
        "local",
        "درصد",
        D(40),
        1403,
        D(100),
        D(70),
        dt.date(2026, 6, 21),
    ),
    (
        ALBERTSLUND,
        "root",
        "EMAS-CO2",
        "CO₂-udledningen fra kommunens bygninger reduceres med 2 % om året",
        "common",
        "t CO₂",
        D(4200),
        2023,
        D(3950),
        D(4080),
        dt.date(2026, 12, 31),
    ),
    (
        ALBERTSLUND,
        "root",
        "EMAS-AFFALD",
        "Genanvendelsen af affald fra arbejdspladserne øges til 60 %",
        "common",
        "%",
        D(45),
        2023,
        D(60),
        D(52),
        dt.date(2026, 12, 31),
    ),
    (
        ALBERTSLUND,
        "bibliotek",
        "BIB-EL",
        "Elforbruget på biblioteket reduceres med 10 %",
        "local",
        "MWh",
        D(310),
        2023,
        D(279),
        D(296),
        dt.date(2026, 12, 31),
    ),
    (
        ALBERTSLUND,
        "svommehal",
        "BAD-VAND",
        "Vandforbruget i svømmehallen reduceres med 8 %",
        "local",
        "m³",
        D(21000),
        2023,
        D(19320),
        D(20100),
        dt.date(2026, 12, 31),
    ),
    (
        ALBERTSLUND,
        "herstedlund-skole",
        "SKOLE-MAD",
        "Madspildet i kantinen halveres",
        "local",
        "kg/uge",
        D(60),
        2024,
        D(30),
        D(41),
        dt.date(2026, 6, 30),
    ),
    (
        ALBERTSLUND,
        "galaxen",
        "GAL-NATUR",
        "Alle børn kommer i naturen mindst én gang om ugen",
        "local",
        "%",
        D(50),
        2024,
        D(100),
        D(100),
        dt.date(2025, 12, 31),
    ),
    (
        KEMI,
        "root",
        "KEMI-ENERGIA",
        "Kiinteistöjen lämmönkulutusta vähennetään 10 %",
        "common",
        "MWh",
        D(52000),
        2022,
        D(46800),
        D(49500),
        dt.date(2027, 12, 31),
    ),
    (
        KEMI,
        "ymparisto",
        "KEMI-JATE",
        "Sekajätteen määrä toimipisteissä vähenee 20 %",
        "common",
        "t",
        D(640),
        2022,
        D(512),
        D(590),
        dt.date(2026, 12, 31),
    ),
]

# organisation, unit, name, objective codes, description, status, budget, spent,
# tasks [(title, unit, due in days, progress, done)]
PROGRAMMES = [
    (
        TEHRAN,
        "region2",
        "پارک انرژی و ساختمان انرژی",
        ["R2-ENERGY"],
        "آموزش فرهنگ انرژی‌های تجدیدپذیر به شهروندان در پارک انرژی.",
        "active",
        D(45_000_000_000),
        D(21_000_000_000),
        [
            ("طراحی نمایشگاه دائمی انرژی", "region2-env", -30, 100, True),
            ("برگزاری تورهای آموزشی مدارس", "region2-env", 60, 40, False),
        ],
    ),
    (
        TEHRAN,
        "region2",
        "کنترل هوشمند موتورخانه ساختمان‌ها",
        ["R2-ENERGY"],
        "نصب کنترل‌کنندهٔ هوشمند دما در موتورخانه‌های ساختمان‌های اداری.",
        "active",
        D(18_000_000_000),
        D(9_500_000_000),
        [
            ("ممیزی انرژی موتورخانه‌ها", "region2-env", -60, 100, True),
            ("نصب کنترل‌کننده در ده ساختمان", "region2-env", 90, 50, False),
            ("پایش مصرف پس از نصب", "region2-env", 200, 0, False),
        ],
    ),
    (
        TEHRAN,
        "region2",
        "بازچرخانی آب و پکیج‌های کوچک تصفیه فاضلاب",
        ["R2-WATER"],
        "تصفیهٔ فاضلاب بوستان‌ها و استفاده برای آبیاری.",
        "active",
        D(60_000_000_000),
        D(25_000_000_000),
        [
            ("نصب پکیج تصفیه در بوستان ناحیه ۴", "region2-d4", -10, 80, False),
            ("مطالعهٔ شاخص‌های قنوات و مسیل‌ها", "region2-env", 120, 20, False),
        ],
    ),
    (
        TEHRAN,
        "region2",
        "انرژی خورشیدی در بوستان‌ها",
        ["R2-SOLAR"],
        "نیروگاه‌های خورشیدی کوچک برای روشنایی بوستان‌ها.",
        "active",
        D(30_000_000_000),
        D(12_000_000_000),
        [
            ("نصب پنل در بوستان ناحیه ۳", "region2-d3", 30, 60, False),
            ("نصب پنل در بوستان ناحیه ۴", "region2-d4", 150, 0, False),
        ],
    ),
    (
        TEHRAN,
        "region2",
        "تله‌های زباله در مسیل‌ها",
        ["R2-FLOOD"],
        "نصب تله‌های زباله در دهانهٔ مسیل‌ها و پاکسازی پس از بارندگی.",
        "active",
        D(8_000_000_000),
        D(8_600_000_000),
        [
            ("نصب پنج تلهٔ زباله", "region2", -90, 100, True),
            ("پاکسازی پس از بارندگی‌های پاییز", "region2", -5, 30, False),
        ],
    ),
    (
        TEHRAN,
        "region2",
        "باشگاه‌های محیط زیست محلات",
        ["R2-CLUBS", "R2-WASTE"],
        "مشارکت شهروندان از طریق باشگاه‌های محیط زیست در محلات.",
        "active",
        D(5_000_000_000),
        D(1_800_000_000),
        [
            ("راه‌اندازی باشگاه در ناحیه ۳", "region2-d3", -20, 100, True),
            ("نمایشگاه و همایش تفکیک پسماند", "region2-env", 45, 10, False),
        ],
    ),
    (
        ALBERTSLUND,
        "root",
        "Energirenovering af kommunale bygninger",
        ["EMAS-CO2"],
        "LED-belysning og bedre styring af ventilation.",
        "active",
        D(6_500_000),
        D(2_900_000),
        [
            ("LED i Musikhuset", "musikhuset", 40, 30, False),
            ("Energistyring i Rådhuset", "raadhuset", -15, 100, True),
        ],
    ),
    (
        ALBERTSLUND,
        "bibliotek",
        "Grøn drift på biblioteket",
        ["BIB-EL"],
        "Sluk-kampagne og tænd/sluk-ure på IT-udstyr.",
        "active",
        D(40_000),
        D(12_000),
        [("Tænd/sluk-ure på printere", "bibliotek", 20, 50, False)],
    ),
    (
        KEMI,
        "tekninen",
        "Kiinteistöjen energiatehokkuusohjelma",
        ["KEMI-ENERGIA"],
        "Rakennusautomaation päivitys ja lämmön talteenotto.",
        "active",
        D(850_000),
        D(310_000),
        [("Kaupungintalon IV-koneiden uusiminen", "kiinteisto", 100, 20, False)],
    ),
]


# Objectives measured by an indicator of the demo's monitoring data: (organisation,
# objective code) → (indicator code, baseline year, cut). The baseline is the
# indicator's figure for that year, the target the cut below it, and the current value
# is read from the indicator.
LINKED = {
    (TEHRAN, "R2-ENERGY"): ("GAS", 1402, D("0.15")),
    (ALBERTSLUND, "BIB-EL"): ("ELEC", 2023, D("0.10")),
    (ALBERTSLUND, "BAD-VAND"): ("WATER", 2023, D("0.08")),
    (KEMI, "KEMI-ENERGIA"): ("HEAT", 2023, D("0.10")),
}


def _link(objective: Objective, org: str) -> None:
    """Measure a new demo objective by its indicator, if the demo data has one."""
    spec = LINKED.get((org, objective.code))
    if spec is None:
        return
    code, year, cut = spec
    indicator = (
        Indicator.objects.filter(code=code, unit__organisation=objective.unit.organisation)
        .order_by("unit__depth")
        .first()
    )
    if indicator is None:
        return
    objective.indicator = indicator
    objective.measure_unit = indicator.measure_unit
    baseline = services.indicator_figure(objective, year_period(objective.unit.organisation, year))
    if baseline is None:
        return
    objective.baseline_value = baseline
    objective.baseline_year = year
    objective.target_value = (baseline * (1 - cut)).quantize(services.PLACES)
    objective.assign(services.current_fields(objective))
    objective.save()


def _unit(org: str, code: str) -> Unit:
    return Unit.objects.get(organisation__name=org, code=code)


def load() -> dict[str, int]:
    created = {"objectives": 0, "programmes": 0, "tasks": 0}
    today = timezone.localdate()
    for (
        org,
        unit,
        code,
        statement,
        scope,
        measure,
        baseline,
        year,
        target,
        current,
        deadline,
    ) in OBJECTIVES:
        _objective, made = Objective.objects.get_or_create(
            unit=_unit(org, unit),
            code=code,
            defaults={
                "statement": statement,
                "scope": scope,
                "measure_unit": measure,
                "baseline_value": baseline,
                "baseline_year": year,
                "target_value": target,
                "current_value": current,
                "current_on": today - dt.timedelta(days=30),
                "start": dt.date(2024, 3, 20) if org == TEHRAN else dt.date(2024, 1, 1),
                "deadline": deadline,
            },
        )
        if made:
            _link(_objective, org)
        created["objectives"] += made
    for org, unit, name, codes, description, status, budget, spent, tasks in PROGRAMMES:
        programme, made = Programme.objects.get_or_create(
            unit=_unit(org, unit),
            name=name,
            defaults={
                "description": description,
                "status": status,
                "budget": budget,
                "spent": spent,
                "start": dt.date(2024, 3, 20),
            },
        )
        created["programmes"] += made
        if made:
            programme.objectives.add(
                *Objective.objects.filter(unit__organisation__name=org, code__in=codes)
            )
        existing = set(Action.objects.for_source(programme).values_list("title", flat=True))
        for title, task_unit, due_in, progress, done in tasks:
            if title in existing:
                continue
            Action.objects.create(
                unit=_unit(org, task_unit),
                title=title,
                kind=ActionKind.TASK,
                due_date=today + dt.timedelta(days=due_in),
                status=ActionStatus.DONE if done else ActionStatus.IN_PROGRESS,
                progress=100 if done else progress,
                completed_on=today + dt.timedelta(days=min(due_in, 0)) if done else None,
                source=programme,
            )
            created["tasks"] += 1
    return created
