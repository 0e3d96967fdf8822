"""Demo management reviews: Region 2's annual environment meeting for the Iranian
year 1404 (minutes recorded, decisions followed up), Albertslund's environment meeting
2025 and Kemi's management review 2025. Idempotent: by unit and title."""

import datetime as dt

from zist.actions.models import Action
from zist.organisations.models import Unit
from zist.reviews import services
from zist.reviews.models import ManagementReview

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"

REVIEWS = [
    (TEHRAN, "region2", "جلسه سالانه بازنگری مدیریت محیط زیست منطقه ۲ - ۱۴۰۴",
     dt.date(2025, 3, 21), dt.date(2026, 3, 20), dt.date(2026, 4, 26),
     "شهردار منطقه، معاونان، شهرداران نواحی، مسئول واحد محیط زیست",
     "سیستم مدیریت محیط زیست همچنان مناسب، کافی و اثربخش است؛ تمدید گواهی‌ها در دی ۱۴۰۵ در پیش است.",
     "آماده‌سازی برای ممیزی تمدید؛ تأمین تجهیزات مهار نشت برای همه کارگاه‌ها.",
     ["آماده‌سازی مستندات برای ممیزی تمدید گواهی", "تأمین تجهیزات مهار نشت برای کارگاه‌های نواحی"],
     True),
    (ALBERTSLUND, "root", "Miljømøde 2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31),
     dt.date(2026, 2, 10), "Direktionen, miljøkoordinatorer, miljørepræsentanter",
     "Miljøledelsen fungerer; lovoverholdelse vurderet uden afvigelser.",
     "Nye lokale mål for energi i svømmehallen.", ["Lokale energimål for Albertslund Svømmehal"],
     True),
    (KEMI, "root", "Johdon katselmus 2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31),
     dt.date(2027, 1, 28), "Kaupunginjohtaja, palvelualueiden johtajat, ympäristökoordinaattori",
     "", "", [], False),
]  # fmt: skip


def _unit(org: str, code: str):
    if code == "root":
        return Unit.objects.filter(organisation__name=org, depth=1).first()
    return Unit.objects.filter(organisation__name=org, code=code).first()


def load() -> dict[str, int]:
    created = {"management reviews": 0, "review decisions": 0}
    for (
        org,
        code,
        title,
        start,
        end,
        meeting,
        people,
        conclusions,
        decisions,
        actions,
        held,
    ) in REVIEWS:
        unit = _unit(org, code)
        if unit is None or ManagementReview.objects.filter(unit=unit, title=title).exists():
            continue
        review = ManagementReview.objects.create(
            unit=unit,
            title=title,
            period_start=start,
            period_end=end,
            meeting_date=meeting,
            participants=people,
            conclusions=conclusions,
            decisions=decisions,
        )
        created["management reviews"] += 1
        for n, action_title in enumerate(actions, start=1):
            if not Action.objects.for_source(review).filter(title=action_title).exists():
                services.add_decision_action(
                    review, title=action_title, due_date=meeting + dt.timedelta(days=90 * n)
                )
                created["review decisions"] += 1
        if held:
            services.record_minutes(review)
    return created
