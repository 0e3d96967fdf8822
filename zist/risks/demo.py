"""Demo risk matrices, risks and opportunities with treatments, in each organisation's
language. Idempotent: matrices by unit and name, bands by minimum, risks by unit and
title, treatments by risk and title."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from zist.actions.models import Action, ActionKind, ActionStatus
from zist.aspects.models import Aspect
from zist.context.models import Issue
from zist.obligations.models import Obligation
from zist.organisations.models import Unit
from zist.risks.models import Risk, RiskBand, RiskMatrix

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"

BANDS_5 = [
    ("low", 1, "#6fcf97"),
    ("medium", 5, "#f2c94c"),
    ("high", 10, "#f2994a"),
    ("very_high", 15, "#eb5757"),
]
BANDS_4 = [("low", 1, "#6fcf97"), ("medium", 4, "#f2c94c"), ("high", 8, "#eb5757")]

# organisation, name, levels, likelihood labels, consequence labels, bands (level, min,
# colour, own name)
MATRICES = [
    (
        TEHRAN,
        "ماتریس ریسک منطقه ۲",
        5,
        "نادر\nبعید\nممکن\nمحتمل\nتقریباً قطعی",
        "ناچیز\nجزئی\nمتوسط\nعمده\nفاجعه‌بار",
        [
            (level, minimum, colour, name)
            for (level, minimum, colour), name in zip(
                BANDS_5, ["کم", "متوسط", "زیاد", "بسیار زیاد"], strict=True
            )
        ],
    ),
    (
        ALBERTSLUND,
        "Albertslunds risikomatrix",
        5,
        "Sjælden\nUsandsynlig\nMulig\nSandsynlig\nNæsten sikker",
        "Ubetydelig\nMindre\nModerat\nBetydelig\nKatastrofal",
        [
            (level, minimum, colour, name)
            for (level, minimum, colour), name in zip(
                BANDS_5, ["Lav", "Middel", "Høj", "Meget høj"], strict=True
            )
        ],
    ),
    (
        KEMI,
        "Kemin riskimatriisi",
        4,
        "Epätodennäköinen\nMahdollinen\nTodennäköinen\nLähes varma",
        "Vähäinen\nKohtalainen\nMerkittävä\nVakava",
        [
            (level, minimum, colour, name)
            for (level, minimum, colour), name in zip(
                BANDS_4, ["Matala", "Kohtalainen", "Korkea"], strict=True
            )
        ],
    ),
]

# organisation, unit, title, kind, issue title, aspect name, obligation reference,
# likelihood, consequence, residual (l, c) or None, treatments [(title, due in days)]
RISKS = [
    (
        TEHRAN,
        "region2",
        "جریمه به دلیل دفع پسماند ویژه همراه پسماند عادی",
        "risk",
        None,
        "پسماند خطرناک خانگی (باتری، لامپ)",
        "IR-WASTE-1383",
        4,
        4,
        (2, 3),
        [("قرارداد با پیمانکار مجاز پسماند ویژه", 30), ("ایستگاه جمع‌آوری باتری در نواحی", 90)],
    ),
    (
        TEHRAN,
        "region2",
        "تعلیق گواهینامه در ممیزی مراقبتی",
        "risk",
        "محدودیت بودجه نگهداری گواهینامه‌ها",
        None,
        None,
        2,
        5,
        (1, 5),
        [("پیش‌بینی بودجهٔ ممیزی در بودجهٔ سالانه", 60)],
    ),
    (
        TEHRAN,
        "region2",
        "کمبود آب آبیاری در تابستان",
        "risk",
        "کم‌آبی و افت آب‌های زیرزمینی",
        "مصرف آب آبیاری",
        "TM-GREEN-07",
        4,
        3,
        None,
        [("آبیاری قطره‌ای در بوستان‌های بزرگ", 120)],
    ),
    (
        TEHRAN,
        "region2-d3",
        "آتش‌سوزی انبار روغن کارگاه ناحیه ۳",
        "risk",
        None,
        "نگهداری روغن و سوخت در انبار",
        None,
        2,
        5,
        (1, 4),
        [("نصب سامانهٔ اطفای خودکار", -10)],
    ),
    (
        TEHRAN,
        "region2",
        "مشارکت محلات در تفکیک از مبدأ",
        "opportunity",
        "مشارکت شهروندان در تفکیک پسماند",
        "پسماند خشک تفکیک‌شده",
        None,
        4,
        4,
        None,
        [("گسترش باشگاه‌های محیط زیست", 180)],
    ),
    (
        ALBERTSLUND,
        "svommehal",
        "Klorudslip i svømmehallen",
        "risk",
        None,
        "Klorkemikalier",
        "DK-BAD-TILL",
        1,
        5,
        (1, 3),
        [("Årlig øvelse i kemikalieberedskab", 75)],
    ),
    (
        ALBERTSLUND,
        "root",
        "Oversvømmelse af kommunale bygninger ved skybrud",
        "risk",
        "Klimatilpasning og skybrud",
        None,
        None,
        3,
        4,
        None,
        [("Kortlægning af udsatte kældre", 40)],
    ),
    (
        KEMI,
        "kiinteisto",
        "Kiinteistöjen vesivahingot",
        "risk",
        None,
        "Vesivahinko",
        None,
        2,
        3,
        None,
        [("Vuotovahtien asennus", 60)],
    ),
    (
        KEMI,
        "root",
        "Lean-säästöt energiankulutuksessa",
        "opportunity",
        "Resurssiviisaus ja Lean-ajattelu",
        None,
        None,
        3,
        3,
        None,
        [],
    ),
]


def _unit(org: str, code: str) -> Unit:
    return Unit.objects.get(organisation__name=org, code=code)


def load() -> dict[str, int]:
    created = {"environmental risk matrices": 0, "risks": 0, "treatments": 0}
    today = timezone.localdate()
    for org, name, levels, likelihood, consequence, bands in MATRICES:
        matrix, made = RiskMatrix.objects.get_or_create(
            unit=_unit(org, "root"),
            name=name,
            defaults={
                "likelihood_levels": levels,
                "consequence_levels": levels,
                "likelihood_labels": likelihood,
                "consequence_labels": consequence,
            },
        )
        created["environmental risk matrices"] += made
        for level, minimum, colour, own in bands:
            RiskBand.objects.get_or_create(
                matrix=matrix,
                minimum=minimum,
                defaults={"level": level, "colour": colour, "name": own},
            )
    for org, unit, title, kind, issue, aspect, obligation, lik, con, residual, treatments in RISKS:
        risk = Risk.objects.filter(unit__organisation__name=org, title=title).first()
        if risk is None:
            risk = Risk.objects.create(
                unit=_unit(org, unit),
                title=title,
                kind=kind,
                issue=Issue.objects.filter(unit__organisation__name=org, title=issue).first()
                if issue
                else None,
                aspect=Aspect.objects.filter(
                    activity__unit__organisation__name=org, name=aspect
                ).first()
                if aspect
                else None,
                obligation=Obligation.objects.filter(
                    unit__organisation__name=org, reference=obligation
                ).first()
                if obligation
                else None,
                likelihood=lik,
                consequence=con,
                residual_likelihood=residual[0] if residual else None,
                residual_consequence=residual[1] if residual else None,
                status="treating" if treatments else "open",
                review_on=today + dt.timedelta(days=180),
            )
            created["risks"] += 1
        existing = set(Action.objects.for_source(risk).values_list("title", flat=True))
        for action_title, due_in in treatments:
            if action_title in existing:
                continue
            Action.objects.create(
                unit=risk.unit,
                title=action_title,
                kind=ActionKind.TREATMENT,
                due_date=today + dt.timedelta(days=due_in),
                status=ActionStatus.OPEN,
                source=risk,
            )
            created["treatments"] += 1
    return created
