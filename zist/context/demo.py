"""Demo context of the organisation in each organisation's language: issues, interested
parties with needs and expectations, scope statements of the certified units (Region 2
and each of its nine districts hold their own ISO 14001 certificate).

Idempotent: issues by unit and title, parties by unit and name, needs by party and text,
scope statements by unit and version.
"""

from __future__ import annotations

import datetime as dt

from zist.context.models import InterestedParty, Issue, Need, ScopeStatement
from zist.core import calendars
from zist.organisations.models import Unit

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"

# organisation, unit, title, origin, category, effect, description
ISSUES = [
    (
        TEHRAN,
        "region2",
        "آلودگی هوای تهران در فصل سرد",
        "external",
        "environmental",
        "negative",
        "وارونگی دما و ترافیک سنگین، روزهای ناسالم را افزایش می‌دهد.",
    ),
    (
        TEHRAN,
        "region2",
        "کم‌آبی و افت آب‌های زیرزمینی",
        "external",
        "environmental",
        "negative",
        "محدودیت آب برای آبیاری فضای سبز.",
    ),
    (
        TEHRAN,
        "region2",
        "مشارکت شهروندان در تفکیک پسماند",
        "external",
        "social",
        "positive",
        "باشگاه‌های محیط زیست محلات و شورایاری‌ها آمادهٔ همکاری‌اند.",
    ),
    (
        TEHRAN,
        "region2",
        "محدودیت بودجه نگهداری گواهینامه‌ها",
        "internal",
        "economic",
        "negative",
        "هزینهٔ ممیزی مراقبتی سالانه ده گواهینامه.",
    ),
    (
        TEHRAN,
        "region2",
        "تجربهٔ سیستم مدیریت زیست‌محیطی از سال ۱۳۸۷",
        "internal",
        "organisational",
        "positive",
        "واحد محیط زیست از ۱۳۸۶ فعال است و کارکنان آموزش‌دیده دارد.",
    ),
    (
        TEHRAN,
        "region2",
        "عملکرد پیمانکاران خدمات شهری",
        "internal",
        "organisational",
        "both",
        "اثر زیست‌محیطی پیمانکاران و تأمین‌کنندگان باید کنترل شود.",
    ),
    (
        ALBERTSLUND,
        "root",
        "Klimatilpasning og skybrud",
        "external",
        "environmental",
        "negative",
        "Kraftigere regnskyl belaster kloakker og kommunale bygninger.",
    ),
    (
        ALBERTSLUND,
        "root",
        "Politisk ambition om CO₂-neutral kommune",
        "external",
        "political",
        "positive",
        "Byrådets klimaplan prioriterer energi og transport.",
    ),
    (
        ALBERTSLUND,
        "root",
        "Miljørepræsentanter på alle arbejdspladser",
        "internal",
        "organisational",
        "positive",
        "Et netværk med to miljøseminarer om året.",
    ),
    (
        KEMI,
        "root",
        "Resurssiviisaus ja Lean-ajattelu",
        "internal",
        "organisational",
        "positive",
        "Palveluiden tuottamisen hukan tunnistaminen.",
    ),
    (
        KEMI,
        "root",
        "Meri-Lapin teollisuuden rakennemuutos",
        "external",
        "economic",
        "both",
        "Vaikuttaa kaupungin talouteen ja väestöön.",
    ),
]

# organisation, unit, name, origin, description, needs [(text, relevant, becomes obligation)]
PARTIES = [
    (
        TEHRAN,
        "region2",
        "سازمان حفاظت محیط زیست",
        "external",
        "نهاد ناظر ملی",
        [("رعایت قانون هوای پاک و استانداردهای انتشار", True, True)],
    ),
    (
        TEHRAN,
        "region2",
        "شهروندان و شورایاری‌های محلات",
        "external",
        "ساکنان ناحیه‌های نه‌گانه",
        [
            ("جمع‌آوری منظم و بهداشتی پسماند", True, True),
            ("فضای سبز بیشتر و آلودگی صوتی کمتر", True, False),
        ],
    ),
    (
        TEHRAN,
        "region2",
        "پیمانکاران خدمات شهری",
        "external",
        "رفت‌وروب، حمل پسماند و فضای سبز",
        [("الزامات زیست‌محیطی روشن در قراردادها", True, False)],
    ),
    (
        TEHRAN,
        "region2",
        "کارکنان منطقه",
        "internal",
        "کارکنان ستاد و نواحی",
        [("آموزش و محیط کار سالم", True, False)],
    ),
    (
        TEHRAN,
        "region2",
        "نهاد گواهی‌کننده",
        "external",
        "ممیزی مراقبتی سالانه",
        [("نگهداری اثربخش سیستم مطابق ISO 14001", True, False)],
    ),
    (
        ALBERTSLUND,
        "root",
        "Miljøstyrelsen",
        "external",
        "Myndighed",
        [("Overholdelse af miljølovgivningen", True, True)],
    ),
    (
        ALBERTSLUND,
        "root",
        "Borgere i Albertslund",
        "external",
        "Ca. 60 boligområder",
        [("Åbenhed om grønt regnskab og miljøredegørelse", True, False)],
    ),
    (
        ALBERTSLUND,
        "root",
        "Medarbejdere og miljørepræsentanter",
        "internal",
        "Alle arbejdspladser",
        [("Lokale miljømål der giver mening i hverdagen", True, False)],
    ),
    (
        KEMI,
        "root",
        "Lapin ELY-keskus",
        "external",
        "Valvova viranomainen",
        [("Ympäristönsuojelulain noudattaminen", True, True)],
    ),
    (
        KEMI,
        "root",
        "Kuntalaiset",
        "external",
        "Kemin asukkaat",
        [("Puhdas ja viihtyisä kaupunkiympäristö", True, False)],
    ),
]

SCOPE_FA = (
    "فعالیت‌ها و خدمات شهری {name}: خدمات شهری، فضای سبز، تفکیک پسماند از مبدأ، زیباسازی، "
    "نظارت بر مشاغل مزاحم، عملیات عمرانی، ترافیک و شهرسازی."
)


def _unit(org: str, code: str) -> Unit:
    return Unit.objects.get(organisation__name=org, code=code)


def _scopes():
    yield (
        TEHRAN,
        "region2",
        "محدودهٔ جغرافیایی منطقه ۲ شهرداری تهران و ستاد منطقه",
        SCOPE_FA.format(name="منطقه ۲"),
        "ستاد منطقه و نُه ناحیه",
        "",
        "",
        calendars.from_jalali(1387, 11, 2),
    )
    for n in range(1, 10):
        digit = calendars.to_persian_digits(str(n))
        yield (
            TEHRAN,
            f"region2-d{n}",
            f"محدودهٔ ناحیه {digit} منطقه ۲",
            SCOPE_FA.format(name=f"ناحیه {digit}"),
            f"ساختمان ناحیه {digit} و کارگاه‌های آن",
            "",
            "",
            calendars.from_jalali(1387, 11, 2),
        )
    yield (
        ALBERTSLUND,
        "root",
        "Albertslund Kommune som virksomhed: alle kommunale arbejdspladser",
        "Kommunale serviceydelser: administration, skoler, daginstitutioner, kultur, "
        "ældrepleje, vej og park.",
        "Alle kommunale adresser i Albertslund",
        "Selvejende institutioner",
        "Kommunen har ikke driftsansvar for dem.",
        dt.date(2024, 1, 1),
    )
    yield (
        KEMI,
        "root",
        "Kemin kaupunkiorganisaatio kokonaisuudessaan",
        "Kaikki kaupungin palvelut: sivistys, tekniset palvelut, konsernipalvelut.",
        "Kaupungin toimipisteet Kemissä",
        "",
        "",
        dt.date(2018, 6, 1),
    )


def load() -> dict[str, int]:
    created = {"context issues": 0, "interested parties": 0, "needs": 0, "scope statements": 0}
    for org, unit, title, origin, category, effect, description in ISSUES:
        _issue, made = Issue.objects.get_or_create(
            unit=_unit(org, unit),
            title=title,
            defaults={
                "origin": origin,
                "category": category,
                "effect": effect,
                "description": description,
            },
        )
        created["context issues"] += made
    for org, unit, name, origin, description, needs in PARTIES:
        party, made = InterestedParty.objects.get_or_create(
            unit=_unit(org, unit),
            name=name,
            defaults={"origin": origin, "description": description},
        )
        created["interested parties"] += made
        for text, relevant, adopted in needs:
            _need, made = Need.objects.get_or_create(
                party=party,
                description=text,
                defaults={"relevant": relevant, "becomes_obligation": adopted},
            )
            created["needs"] += made
    for org, unit, boundaries, activities, sites, exclusions, why, since in _scopes():
        _scope, made = ScopeStatement.objects.get_or_create(
            unit=_unit(org, unit),
            version=1,
            defaults={
                "status": "current",
                "boundaries": boundaries,
                "activities": activities,
                "sites": sites,
                "exclusions": exclusions,
                "exclusion_justification": why,
                "effective_from": since,
                "public": True,
            },
        )
        created["scope statements"] += made
    return created
