"""Demo contractors and suppliers: Region 2's service contractors in Persian (with the
contractor staff trained in `zist.training.demo`), one Albertslund and one Kemi
supplier. Idempotent: suppliers are found by (unit, name); a supplier found gets no new
evaluations.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from zist.aspects.models import Aspect
from zist.demo.platform import ALBERTSLUND, KEMI, TEHRAN
from zist.organisations.models import Unit
from zist.suppliers import services
from zist.suppliers.models import Evaluation, Supplier
from zist.training import demo as training_demo
from zist.training.models import Person
from zist.users.models import User

SUPPLIERS = [
    (
        TEHRAN,
        "region2-d3",
        "شرکت پاک‌آوران",
        "contractor",
        "جمع‌آوری و حمل پسماند، رفت‌وروب معابر ناحیهٔ ۳",
        "حمل پسماند فقط به مراکز مجاز؛ پوشاندن بار؛ تفکیک پسماند خشک؛ "
        "گذراندن آموزش پسماند پیمانکاران برای همهٔ رانندگان.",
        "region2.manager",
        [(300, 58, "نشت شیرابه از دو خودرو؛ نبود پوشش بار."), (40, 78, "اصلاح خودروها انجام شد.")],
    ),
    (
        TEHRAN,
        "region2-d4",
        "شرکت سبزگستر",
        "contractor",
        "نگهداری فضای سبز و آبیاری بوستان‌های ناحیهٔ ۴",
        "آبیاری در ساعات خنک روز؛ استفاده از کود آلی؛ ممنوعیت سوزاندن برگ.",
        "district4.rep",
        [(380, 45, "سوزاندن برگ در بوستان؛ مصرف بیش از حد آب.")],
    ),
    (
        TEHRAN,
        "region2",
        "شرکت تجهیزات روشنایی نور",
        "supplier",
        "تأمین لامپ‌های LED برای روشنایی معابر",
        "لامپ‌های با برچسب انرژی A؛ بازپس‌گیری لامپ‌های فرسوده.",
        "region2.manager",
        [(100, 88, "")],
    ),
    (
        ALBERTSLUND,
        "materielgaarden",
        "Vestegnens Affaldsservice ApS",
        "contractor",
        "Indsamling af affald fra kommunens arbejdspladser",
        "Sortering i ti fraktioner; elkøretøjer i boligområder; årlig miljørapport.",
        "albertslund.manager",
        [(200, 81, "God sortering; manglende dokumentation for farligt affald.")],
    ),
    (
        KEMI,
        "kiinteisto",
        "Pohjolan Kiinteistöhuolto Oy",
        "service",
        "Kiinteistöjen siivous ja huolto",
        "Ympäristömerkityt pesuaineet; jätteiden lajittelu kohteissa.",
        "kemi.manager",
        [(150, 73, "")],
    ),
]

STAFF = {"شرکت پاک‌آوران": ["رضا کریمی"], "شرکت سبزگستر": ["حسن موسوی"]}


def load() -> dict[str, int]:
    training_demo.load()  # the contractor staff
    counts = {"suppliers": 0, "supplier evaluations": 0}
    today = timezone.localdate()
    for (
        organisation,
        code,
        name,
        kind,
        services_text,
        requirements,
        owner,
        evaluations,
    ) in SUPPLIERS:
        unit = Unit.objects.get(organisation__name=organisation, code=code)
        supplier, made = Supplier.objects.get_or_create(
            unit=unit,
            name=name,
            defaults={
                "kind": kind,
                "services": services_text,
                "environmental_requirements": requirements,
                "owner": User.objects.get(username=owner),
            },
        )
        counts["suppliers"] += made
        if made:
            supplier.staff.set(
                Person.objects.filter(unit__organisation=unit.organisation_id).filter(
                    name__in=STAFF.get(name, [])
                )
            )
        if not supplier.aspects.exists():
            # The significant aspects of the unit's work, else of its organisation's.
            significant = Aspect.objects.filter(significant=True).order_by("pk")
            near = significant.filter(activity__unit__path__startswith=unit.path)
            chosen = (
                near
                if near.exists()
                else significant.filter(activity__unit__organisation=unit.organisation_id)
            )
            supplier.aspects.set(chosen[:2])
        if not made:
            continue
        # Dates are relative to today, so evaluations come only with a new supplier.
        for days, score, findings in evaluations:
            Evaluation.objects.create(
                supplier=supplier,
                date=today - dt.timedelta(days=days),
                score=score,
                findings=findings,
                evaluator=supplier.owner,
            )
            counts["supplier evaluations"] += 1
        services.apply_latest_evaluation(supplier)
    return counts
