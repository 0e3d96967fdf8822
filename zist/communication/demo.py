"""Demo communication: Region 2's log, citizen inquiries (some overdue) and events in
Persian, Albertslund's two environment seminars a year in Danish, Kemi in Finnish.

Idempotent: log entries are found by (unit, topic), inquiries by (unit, subject),
events by (unit, title).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from zist.communication.models import Communication, Event, Inquiry
from zist.demo.platform import ALBERTSLUND, KEMI, TEHRAN
from zist.organisations.models import Unit
from zist.training import demo as training_demo
from zist.training.models import Person
from zist.users.models import User


def _unit(organisation: str, code: str) -> Unit:
    return Unit.objects.get(organisation__name=organisation, code=code)


def load() -> dict[str, int]:
    # Seminar participants are training people; make sure they exist (idempotent).
    training_demo.load()
    counts = {"communications": 0, "inquiries": 0, "events": 0}
    today = timezone.localdate()
    manager = User.objects.get(username="region2.manager")
    rep3 = User.objects.get(username="district3.rep")
    env = _unit(TEHRAN, "region2-env")
    d3 = _unit(TEHRAN, "region2-d3")
    d4 = _unit(TEHRAN, "region2-d4")
    dk = User.objects.get(username="albertslund.manager")
    dk_root = _unit(ALBERTSLUND, "root")
    fi = User.objects.get(username="kemi.manager")
    kemi = _unit(KEMI, "ymparisto")

    log = [
        (
            env,
            40,
            "internal",
            "meeting",
            "ابلاغ خط‌مشی زیست‌محیطی بازنگری‌شده",
            "مدیران و شهرداران نواحی",
            "خط‌مشی جدید و تعهدات آن در جلسهٔ شورای منطقه ارائه شد.",
            manager,
        ),
        (
            env,
            25,
            "external",
            "website",
            "تقویم جمع‌آوری پسماند خشک",
            "شهروندان منطقهٔ ۲",
            "برنامهٔ هفتگی جمع‌آوری پسماند خشک در تارنمای منطقه منتشر شد.",
            manager,
        ),
        (
            d3,
            10,
            "external",
            "notice_board",
            "هشدار آلودگی هوا و تعطیلی کارگاه‌های عمرانی",
            "پیمانکاران ناحیهٔ ۳",
            "در روزهای ناسالم، کارهای خاکی متوقف می‌شود.",
            rep3,
        ),
        (
            dk_root,
            60,
            "internal",
            "newsletter",
            "Nyt fra miljøarbejdet",
            "Alle miljørepræsentanter",
            "Status på de lokale miljømål og datoer for årets seminarer.",
            dk,
        ),
        (
            kemi,
            15,
            "external",
            "press",
            "Kemin ympäristökatsaus julkaistu",
            "Kuntalaiset ja media",
            "Ympäristökatsaus ja vihreä tilinpito julkaistiin verkossa.",
            fi,
        ),
    ]
    for unit, days, direction, channel, topic, audience, summary, by in log:
        _entry, made = Communication.objects.get_or_create(
            unit=unit,
            topic=topic,
            defaults={
                "date": today - dt.timedelta(days=days),
                "direction": direction,
                "channel": channel,
                "audience": audience,
                "summary": summary,
                "by": by,
            },
        )
        counts["communications"] += made

    inquiries = [
        # (unit, subject, kind, party, name, received days ago, owner, answer, answered after)
        (
            d3,
            "سر ریز شدن مخازن زباله در خیابان گلها",
            "complaint",
            "citizen",
            "مریم کاظمی",
            30,
            rep3,
            "",
            None,
        ),
        (
            d3,
            "صدای کار شبانهٔ پیمانکار آسفالت",
            "complaint",
            "neighbour",
            "ساکنان کوچهٔ یاس",
            20,
            rep3,
            "",
            None,
        ),
        (
            d4,
            "زمان جمع‌آوری پسماند الکترونیکی",
            "question",
            "citizen",
            "امیر نادری",
            3,
            None,
            "",
            None,
        ),
        (
            env,
            "درخواست نسخه‌ای از خط‌مشی زیست‌محیطی",
            "request",
            "ngo",
            "انجمن دوستداران محیط زیست",
            40,
            manager,
            "نسخهٔ خط‌مشی برای انجمن ارسال شد و در تارنما نیز در دسترس است.",
            5,
        ),
        (
            dk_root,
            "Hvornår kommer den nye affaldsordning?",
            "question",
            "citizen",
            "Jens Sørensen",
            25,
            dk,
            "",
            None,
        ),
        (
            kemi,
            "Roskaantunut puistoalue Kemijoen rannalla",
            "complaint",
            "citizen",
            "Pekka Mäkinen",
            8,
            fi,
            "Puisto siivottiin ja roska-astioita lisättiin.",
            2,
        ),
    ]
    for unit, subject, kind, party, name, days, owner, answer, after in inquiries:
        if Inquiry.objects.filter(unit=unit, subject=subject).exists():
            continue
        received = today - dt.timedelta(days=days)
        Inquiry.objects.create(
            unit=unit,
            subject=subject,
            kind=kind,
            party=party,
            name=name,
            received_on=received,
            owner=owner,
            answer=answer,
            answered_on=received + dt.timedelta(days=after) if after is not None else None,
        )
        counts["inquiries"] += 1

    def event(unit, title, date, kind="seminar", participants=(), **fields):
        if Event.objects.filter(unit=unit, title=title).exists():
            return
        created = Event.objects.create(unit=unit, title=title, date=date, kind=kind, **fields)
        created.participants.set(participants)
        counts["events"] += 1

    event(
        env,
        "نمایشگاه انرژی‌های تجدیدپذیر در بوستان",
        today - dt.timedelta(days=50),
        kind="exhibition",
        place="بوستان پردیسان",
        agenda="غرفه‌های انرژی خورشیدی، آموزش صرفه‌جویی انرژی به خانواده‌ها",
        other_participants=850,
        outcomes="۸۵۰ بازدیدکننده؛ ۱۲۰ خانوار برای کارگاه صرفه‌جویی ثبت‌نام کردند.",
    )
    event(
        d3,
        "نشست باشگاه محیط زیست محلهٔ ۳",
        today - dt.timedelta(days=12),
        kind="club_meeting",
        place="سرای محله",
        agenda="تفکیک پسماند از مبدأ؛ کاشت درخت در فضای سبز محله",
        participants=list(Person.objects.filter(unit=d3, kind__in=["citizen", "volunteer"])),
        other_participants=25,
        outcomes="گروه داوطلب تفکیک پسماند تشکیل شد.",
    )
    event(
        env,
        "همایش مدیریت زیست‌محیطی شهری",
        today + dt.timedelta(days=30),
        kind="conference",
        place="تالار شهر",
        agenda="تجربهٔ ده گواهی ISO 14001 در منطقه و نواحی",
    )
    # Albertslund: two environment seminars a year for every representative.
    reps = list(Person.objects.filter(unit__organisation__name=ALBERTSLUND, kind="representative"))
    for year in (today.year - 1, today.year):
        event(
            dk_root,
            f"Forårsseminar for miljørepræsentanter {year}",
            dt.date(year, 4, 18),
            place="Albertslund Rådhus",
            agenda="Grønt regnskab, lokale miljømål, erfaringer fra arbejdspladserne",
            participants=reps,
            outcomes="Nye lokale mål for energi og affald.",
        )
        event(
            dk_root,
            f"Efterårsseminar for miljørepræsentanter {year}",
            dt.date(year, 10, 24),
            place="Musikhuset",
            agenda="Miljøredegørelse, EMAS-verifikation, miljøblomsten",
            participants=reps[:1],
        )
    event(
        kemi,
        "Resurssiviisas Kemi -työpaja",
        today - dt.timedelta(days=70),
        kind="workshop",
        place="Kemin kaupungintalo",
        agenda="Lean-menetelmä: hukan tunnistaminen palveluissa",
        other_participants=18,
        outcomes="Kolme parannusehdotusta kiinteistöpalveluihin.",
    )
    return counts
