"""Demo nonconformities with their corrective actions, in each organisation's language.
Idempotent: looked up by unit and title."""

import datetime as dt

from zist.actions.models import Action, ActionKind, ActionStatus
from zist.nonconformities.models import Nonconformity, SourceKind, Status
from zist.organisations.models import Unit

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"

# (organisation, unit code, title, grade, source, status, correction, whys, category,
#  root cause, actions [(title, kind, due, done)])
NONCONFORMITIES = [
    (
        TEHRAN,
        "region2-d3",
        "نگهداری بشکه‌های روغن کارگاه بدون حوضچه مهار نشت",
        "minor",
        SourceKind.AUDIT_FINDING,
        Status.ACTION,
        "بشکه‌ها روی پالت ضدنشت منتقل شدند.",
        ["حوضچه مهار خریداری نشده بود", "در برنامه خرید پیش‌بینی نشده بود"],
        "management",
        "نیاز به تجهیزات مهار نشت در برنامه خرید سالانه دیده نشده بود.",
        [
            ("خرید کابینت ایمن نگهداری روغن", ActionKind.CORRECTIVE, dt.date(2026, 12, 20), False),
            (
                "آموزش انبارداران در مدیریت پسماند ویژه",
                ActionKind.CORRECTIVE,
                dt.date(2026, 11, 10),
                False,
            ),
        ],
    ),
    (
        TEHRAN,
        "region2-d4",
        "ثبت نشدن سوابق پایش پسماند تفکیک‌شده در سه ماه اخیر",
        "minor",
        SourceKind.AUDIT_FINDING,
        Status.REPORTED,
        "",
        [],
        "",
        "",
        [],
    ),
    (
        ALBERTSLUND,
        "svommehal",
        "Kemikalierum uden opdateret sikkerhedsdatablad",
        "minor",
        SourceKind.AUDIT_FINDING,
        Status.VERIFICATION,
        "Nye sikkerhedsdatablade hentet fra leverandøren og hængt op.",
        ["Leverandøren skiftede produkt", "Ingen fast kontrol af datablade ved nye produkter"],
        "method",
        "Indkøbsproceduren kræver ikke datablade ved produktskift.",
        [
            (
                "Tilføj kontrol af datablade i indkøbsproceduren",
                ActionKind.CORRECTIVE,
                dt.date(2026, 10, 1),
                True,
            )
        ],
    ),
    (
        KEMI,
        "kiinteisto",
        "Jäteöljyn keräysastia ilman merkintää",
        "",
        SourceKind.INCIDENT,
        Status.CORRECTION,
        "Astia merkitty ja siirretty lukittuun tilaan.",
        [],
        "",
        "",
        [],
    ),
]


def load() -> dict[str, int]:
    created = {"nonconformities": 0, "actions": 0}
    for (
        org,
        code,
        title,
        grade,
        source,
        status,
        correction,
        whys,
        category,
        cause,
        actions,
    ) in NONCONFORMITIES:
        unit = Unit.objects.filter(organisation__name=org, code=code).first()
        if unit is None or Nonconformity.objects.filter(unit=unit, title=title).exists():
            continue
        nc = Nonconformity.objects.create(
            unit=unit,
            title=title,
            grade=grade,
            source_kind=source,
            reported_on=dt.date(2026, 9, 15),
            correction=correction,
            cause_category=category,
            root_cause=cause,
            **{f"why_{i}": why for i, why in enumerate(whys, start=1)},
        )
        created["nonconformities"] += 1
        for action_title, kind, due, done in actions:
            Action.objects.create(
                unit=unit,
                title=action_title,
                kind=kind,
                due_date=due,
                source=nc,
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                progress=100 if done else 0,
                completed_on=due if done else None,
            )
            created["actions"] += 1
        # Set the step last: the workflow rules need the actions to exist.
        nc.status = status
        nc.full_clean()
        nc.save()
    return created
