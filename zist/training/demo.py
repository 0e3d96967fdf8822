"""Demo training: Region 2's courses for managers, staff, contractors, suppliers and
citizens and its internal auditors (two qualified, one not yet), Albertslund's
representatives' course, Kemi's environmental induction.

Idempotent: everything is found by its natural key (unit and name or title, course
and audience, session and person) and created only when missing.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from zist.core.calendars import to_persian_digits
from zist.demo.platform import ALBERTSLUND, KEMI, TEHRAN
from zist.organisations.models import Unit
from zist.training.models import (
    Audience,
    Certificate,
    Course,
    Enrolment,
    Evidence,
    Person,
    PersonKind,
    Requirement,
    Session,
)
from zist.users.models import User
from zist.users.roles import Role

AUDITOR_POST = "ممیز داخلی"


class Counter(dict):
    def add(self, key: str, made: bool) -> None:
        self[key] = self.get(key, 0) + int(made)


def _unit(organisation: str, code: str) -> Unit:
    return Unit.objects.get(organisation__name=organisation, code=code)


def _person(counts, unit, name, **fields) -> Person:
    person, made = Person.objects.get_or_create(unit=unit, name=name, defaults=fields)
    counts.add("people", made)
    return person


def _course(counts, unit, title, **fields) -> Course:
    course, made = Course.objects.get_or_create(unit=unit, title=title, defaults=fields)
    counts.add("courses", made)
    return course


def _session(counts, unit, course, date, audience, **fields) -> Session:
    # Found by course and audience, not by date: dates are relative to today.
    session, made = Session.objects.get_or_create(
        unit=unit, course=course, audience=audience, defaults={"date": date, **fields}
    )
    counts.add("training sessions", made)
    return session


def _enrol(counts, session, person, **fields) -> Enrolment:
    enrolment, made = Enrolment.objects.get_or_create(
        session=session, person=person, defaults=fields
    )
    counts.add("enrolments", made)
    return enrolment


def person_for(user: User, unit: Unit, kind: str, post: str = "") -> Person:
    """The training person of a demo login (other demo modules use this too)."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.create(
            unit=unit, name=user.get_full_name() or user.username, kind=kind, post=post, user=user
        )
    return person


def load() -> dict[str, int]:
    counts = Counter()
    today = timezone.localdate()
    _tehran(counts, today)
    _albertslund(counts, today)
    _kemi(counts, today)
    return dict(counts)


def _tehran(counts: Counter, today: dt.date) -> None:
    region = _unit(TEHRAN, "region2")
    env = _unit(TEHRAN, "region2-env")
    auditor_course = _course(
        counts,
        env,
        "دورهٔ ممیزی داخلی ISO 14001:2015",
        description="الزامات استاندارد، برنامه‌ریزی و انجام ممیزی، نوشتن یافته‌ها.",
        duration_hours=24,
        validity_months=36,
    )
    awareness = _course(
        counts, env, "آگاهی زیست‌محیطی کارکنان", duration_hours=4, validity_months=24
    )
    managers = _course(
        counts, env, "الزامات ISO 14001 برای مدیران و شهرداران نواحی", duration_hours=6
    )
    contractors = _course(
        counts,
        env,
        "مدیریت پسماند و پساب در کارگاه برای پیمانکاران",
        duration_hours=3,
        validity_months=12,
    )
    suppliers = _course(counts, env, "خرید سبز و الزامات زیست‌محیطی تأمین‌کنندگان", duration_hours=2)
    citizens = _course(counts, env, "تفکیک پسماند از مبدأ برای شهروندان", duration_hours=2)

    for title, fields in (
        (
            "گذراندن دورهٔ ممیزی داخلی ISO 14001",
            {"course": auditor_course, "count": 1},
        ),
        ("مشاهدهٔ دو ممیزی داخلی", {"count": 2}),
    ):
        _requirement, made = Requirement.objects.get_or_create(
            unit=region,
            title=title,
            defaults={"post": AUDITOR_POST, "role": Role.INTERNAL_AUDITOR, **fields},
        )
        counts.add("competence requirements", made)
    staff_requirement, made = Requirement.objects.get_or_create(
        unit=region,
        title="آگاهی زیست‌محیطی همهٔ کارکنان",
        defaults={"post": "کارشناس", "course": awareness},
    )
    counts.add("competence requirements", made)
    contractor_requirement, made = Requirement.objects.get_or_create(
        unit=region,
        title="آموزش پسماند پیمانکاران خدمات شهری",
        defaults={"post": "پیمانکار خدمات شهری", "course": contractors},
    )
    counts.add("competence requirements", made)

    # Internal auditors: two qualified, one still missing an observed audit.
    observed = Requirement.objects.get(unit=region, title="مشاهدهٔ دو ممیزی داخلی")
    auditor_session = _session(
        counts,
        env,
        auditor_course,
        today - dt.timedelta(days=200),
        Audience.AUDITORS,
        place="سالن جلسات منطقهٔ ۲",
        trainer="مرکز آموزش ایزو",
    )
    for username, audits in (("region2.manager", 2), ("district3.rep", 2), ("district4.rep", 1)):
        user = User.objects.get(username=username)
        person = person_for(user, user.home_unit, PersonKind.STAFF, AUDITOR_POST)
        if person.post != AUDITOR_POST:
            continue
        _enrol(counts, auditor_session, person, attendance="attended", result="passed", score=85)
        for number in range(audits):
            _evidence, made = Evidence.objects.get_or_create(
                person=person,
                requirement=observed,
                description="مشاهدهٔ ممیزی داخلی ناحیهٔ " + to_persian_digits(str(number + 5)),
                defaults={"date": today - dt.timedelta(days=150 - 30 * number)},
            )
            counts.add("competence evidence", made)
        certificate, made = Certificate.objects.get_or_create(
            person=person,
            title="گواهی ممیز داخلی ISO 14001:2015",
            defaults={
                "course": auditor_course,
                "issuer": "مرکز آموزش ایزو",
                "issued_on": today - dt.timedelta(days=199),
                "expires_on": today - dt.timedelta(days=199) + dt.timedelta(days=3 * 365),
            },
        )
        counts.add("training certificates", made)

    district3 = _unit(TEHRAN, "region2-d3")
    district4 = _unit(TEHRAN, "region2-d4")
    staff = [
        _person(counts, district3, "مهدی سلیمانی", kind=PersonKind.STAFF, post="کارشناس"),
        _person(counts, district3, "فاطمه نوری", kind=PersonKind.STAFF, post="کارشناس"),
        _person(counts, district4, "امیر حسینی", kind=PersonKind.STAFF, post="کارشناس"),
    ]
    contractor_staff = [
        _person(
            counts,
            district3,
            "رضا کریمی",
            kind=PersonKind.CONTRACTOR,
            post="پیمانکار خدمات شهری",
            organisation_name="شرکت پاک‌آوران",
            phone="۰۲۱-۴۴۰۰۰۰۰۰",
        ),
        _person(
            counts,
            district4,
            "حسن موسوی",
            kind=PersonKind.CONTRACTOR,
            post="پیمانکار خدمات شهری",
            organisation_name="شرکت سبزگستر",
        ),
    ]
    supplier_staff = _person(
        counts,
        region,
        "نرگس عباسی",
        kind=PersonKind.SUPPLIER,
        organisation_name="شرکت تجهیزات روشنایی نور",
        email="sales@example.org",
    )
    citizen_people = [
        _person(counts, district3, "مریم کاظمی", kind=PersonKind.CITIZEN, phone="۰۹۱۲۰۰۰۰۰۰۰"),
        _person(
            counts,
            district3,
            "احمد صادقی",
            kind=PersonKind.VOLUNTEER,
            organisation_name="باشگاه محیط زیست محلهٔ ۳",
        ),
    ]
    manager_people = [
        _person(counts, district3, "شهردار ناحیهٔ ۳", kind=PersonKind.MANAGER, post="شهردار ناحیه"),
        _person(counts, district4, "شهردار ناحیهٔ ۴", kind=PersonKind.MANAGER, post="شهردار ناحیه"),
    ]

    awareness_session = _session(
        counts, env, awareness, today - dt.timedelta(days=120), Audience.STAFF, place="ناحیهٔ ۳"
    )
    _enrol(
        counts,
        awareness_session,
        staff[0],
        attendance="attended",
        result="passed",
        effectiveness="effective",
        effectiveness_checked_on=today - dt.timedelta(days=20),
    )
    _enrol(counts, awareness_session, staff[1], attendance="absent")
    manager_session = _session(
        counts,
        env,
        managers,
        today - dt.timedelta(days=60),
        Audience.MANAGERS,
        place="ساختمان مرکزی منطقهٔ ۲",
        trainer="مریم احمدی",
    )
    for person in manager_people:
        _enrol(counts, manager_session, person, attendance="attended")
    contractor_session = _session(
        counts,
        env,
        contractors,
        today - dt.timedelta(days=100),
        Audience.CONTRACTORS,
        place="کارگاه ناحیهٔ ۳",
    )
    _enrol(counts, contractor_session, contractor_staff[0], attendance="attended", result="passed")
    supplier_session = _session(
        counts,
        env,
        suppliers,
        today - dt.timedelta(days=30),
        Audience.SUPPLIERS,
        place="سالن جلسات منطقهٔ ۲",
    )
    _enrol(counts, supplier_session, supplier_staff, attendance="attended")
    citizen_session = _session(
        counts,
        env,
        citizens,
        today + dt.timedelta(days=14),
        Audience.CITIZENS,
        place="فرهنگسرای محله",
        trainer="باشگاه محیط زیست محلهٔ ۳",
    )
    for person in citizen_people:
        _enrol(counts, citizen_session, person)


def _albertslund(counts: Counter, today: dt.date) -> None:
    root = _unit(ALBERTSLUND, "root")
    course = _course(
        counts,
        root,
        "Uddannelse for miljørepræsentanter",
        description="EMAS, den lokale miljøhåndbog, lokale miljømål og grønt regnskab.",
        duration_hours=6,
    )
    requirement, made = Requirement.objects.get_or_create(
        unit=root,
        title="Miljørepræsentanter er uddannet",
        defaults={"role": Role.ENVIRONMENTAL_REPRESENTATIVE, "course": course},
    )
    counts.add("competence requirements", made)
    session = _session(
        counts,
        root,
        course,
        today - dt.timedelta(days=90),
        Audience.REPRESENTATIVES,
        place="Albertslund Rådhus",
        trainer="Mette Jensen",
    )
    rep = User.objects.get(username="albertslund.rep")
    person = person_for(rep, rep.home_unit, PersonKind.REPRESENTATIVE)
    _enrol(counts, session, person, attendance="attended", result="passed")
    musikhuset = _unit(ALBERTSLUND, "musikhuset")
    other = _person(
        counts, musikhuset, "Sofie Hansen", kind=PersonKind.REPRESENTATIVE, post="miljørepræsentant"
    )
    _enrol(counts, session, other, attendance="absent")


def _kemi(counts: Counter, today: dt.date) -> None:
    ymparisto = _unit(KEMI, "ymparisto")
    course = _course(counts, ymparisto, "Ympäristöperehdytys", duration_hours=2, validity_months=36)
    session = _session(
        counts,
        ymparisto,
        course,
        today - dt.timedelta(days=45),
        Audience.STAFF,
        place="Kemin kaupungintalo",
        trainer="Liisa Korhonen",
    )
    for name in ("Matti Virtanen", "Anna Lahtinen"):
        person = _person(counts, ymparisto, name, kind=PersonKind.STAFF, post="asiantuntija")
        _enrol(counts, session, person, attendance="attended", result="passed")
    _requirement, made = Requirement.objects.get_or_create(
        unit=_unit(KEMI, "root"),
        title="Ympäristöperehdytys kaikille",
        defaults={"post": "asiantuntija", "course": course},
    )
    counts.add("competence requirements", made)
