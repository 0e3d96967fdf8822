"""Demo documents: Region 2's policy, manual ("nezamnameh") and procedures in Persian,
Albertslund's local environmental handbooks in Danish, Kemi's in Finnish.

Idempotent: documents are found by (unit, number); a document that already has versions
is left alone.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from zist.demo.platform import ALBERTSLUND, KEMI, TEHRAN
from zist.documents import services
from zist.documents.models import ApprovalRoute, Document, DocumentType, DocumentVersion
from zist.organisations.models import Unit
from zist.users.models import User

T = DocumentType

POLICY_FA = """# خط‌مشی زیست‌محیطی منطقهٔ ۲
شهرداری منطقهٔ ۲ تهران متعهد است همهٔ فعالیت‌های خدمات شهری خود را با کمترین اثر
بر محیط زیست انجام دهد.
- پیشگیری از آلودگی هوا، آب و خاک در فعالیت‌های خدمات شهری و عمرانی
- رعایت همهٔ قوانین و الزامات زیست‌محیطی
- کاهش مصرف انرژی، آب و منابع و تفکیک پسماند از مبدأ
- آموزش کارکنان، پیمانکاران، تأمین‌کنندگان و شهروندان
- بهبود مستمر عملکرد زیست‌محیطی

این خط‌مشی به همهٔ کارکنان و پیمانکاران ابلاغ می‌شود و برای عموم در دسترس است."""

MANUAL_FA = """# نظامنامهٔ مدیریت زیست‌محیطی
## دامنهٔ کاربرد
این نظامنامه دامنهٔ سیستم مدیریت زیست‌محیطی منطقهٔ ۲ و نُه ناحیهٔ آن را بر اساس
استاندارد ISO 14001:2015 شرح می‌دهد.
## ساختار و مسئولیت‌ها
واحد محیط زیست منطقه بر انطباق همهٔ فعالیت‌ها با سیستم نظارت می‌کند. هر ناحیه یک
نمایندهٔ محیط زیست دارد.
## مستندات
- خط‌مشی زیست‌محیطی
- روش‌های اجرایی و دستورالعمل‌های کاری
- سوابق آموزش، پایش و ممیزی"""

PROCEDURES_FA = [
    (
        "EMS-PR-01",
        "روش اجرایی شناسایی و ارزیابی جنبه‌های زیست‌محیطی",
        "# هدف\nتعیین روش شناسایی جنبه‌ها و پیامدهای زیست‌محیطی فعالیت‌های منطقه.\n"
        "# روش کار\n- فهرست فعالیت‌ها در هر ناحیه تهیه می‌شود.\n"
        "- جنبه‌ها در شرایط عادی، غیرعادی و اضطراری بررسی می‌شوند.\n"
        "- جنبه‌های **مهم** با معیارهای مستند تعیین می‌شوند.",
    ),
    (
        "EMS-PR-02",
        "روش اجرایی آموزش، آگاهی و صلاحیت",
        "# هدف\nاطمینان از صلاحیت کارکنان، پیمانکاران و ممیزان داخلی.\n"
        "# روش کار\n- نیازسنجی آموزشی هر سال انجام می‌شود.\n"
        "- اثربخشی آموزش سه ماه پس از دوره ارزیابی می‌شود.",
    ),
    (
        "EMS-PR-03",
        "روش اجرایی پاسخ به درخواست‌ها و شکایات شهروندان",
        "# هدف\nپاسخ به‌موقع به پرسش‌ها و شکایات زیست‌محیطی شهروندان.\n"
        "# روش کار\n- هر درخواست در سامانه ثبت می‌شود.\n"
        "- پاسخ حداکثر ظرف ده روز کاری داده می‌شود.",
    ),
]

HANDBOOK_DA = """# Lokal miljøhåndbog – {name}
Denne håndbog beskriver, hvordan {name} arbejder med miljøledelse efter EMAS.
## Ansvar
Lederen har ansvaret for arbejdspladsens miljøarbejde. Miljørepræsentanten holder
håndbogen, data og de lokale miljømål opdateret.
## Lokale miljømål
- Mindre energi- og vandforbrug
- Bedre affaldssortering
- Miljørigtige indkøb
## Møder
Miljørepræsentanten deltager i kommunens to årlige miljøseminarer."""

POLICY_DA = """# Albertslund Kommunes miljøpolitik
Albertslund Kommune er EMAS-registreret og følger sin miljøpolitik, sine bindende
aftaler og al miljølovgivning.
- Vi mindsker vores miljøpåvirkning år for år.
- Alle dokumenter i miljøledelsessystemet er offentligt tilgængelige."""

POLICY_FI = """# Kemin kaupungin ympäristöpolitiikka
Kemin kaupunki on sertifioinut koko organisaationsa ISO 14001 -standardin mukaisesti.
- Ympäristö on osa jokaista palvelua.
- Resurssiviisautta kehitetään Lean-ajattelulla.
- Noudatamme ympäristölainsäädäntöä ja parannamme toimintaamme jatkuvasti."""

PROCEDURE_FI = """# Jätteiden lajittelu kaupungin toimipisteissä
## Tarkoitus
Ohje kertoo, miten jätteet lajitellaan kaupungin kiinteistöissä.
## Toiminta
- Biojäte, kartonki, lasi, metalli ja sekajäte lajitellaan erikseen.
- Vaaralliset jätteet toimitetaan ympäristöpalveluiden osoittamaan keräyspisteeseen."""


def _unit(organisation: str, code: str) -> Unit:
    return Unit.objects.get(organisation__name=organisation, code=code)


def _publish(document: Document, text: str, author: User, approver: User) -> int:
    """Give a new document its first version, taken through the whole workflow."""
    if document.versions.exists():
        return 0
    version = DocumentVersion.objects.create(document=document, content=text)
    services.submit(version, author)
    services.approve(version, approver)
    services.publish(version, author)
    return 1


def _document(unit, code, title, doc_type, language, owner, applies_to, **extra):
    document = Document.objects.filter(unit=unit, code=code).first()
    if document is not None:
        return document, 0
    document = Document.objects.create(
        unit=unit,
        code=code,
        title=title,
        doc_type=doc_type,
        language=language,
        owner=owner,
        **extra,
    )
    document.applicable_units.set(applies_to)
    return document, 1


def load() -> dict[str, int]:
    created = {"documents": 0, "document versions": 0, "approval routes": 0}
    manager = User.objects.get(username="region2.manager")
    rep = User.objects.get(username="district3.rep")
    region = _unit(TEHRAN, "region2")
    env = _unit(TEHRAN, "region2-env")
    for doc_type in (T.POLICY, T.MANUAL, T.PROCEDURE):
        route, made = ApprovalRoute.objects.get_or_create(
            unit=region, doc_type=doc_type, defaults={"approver": manager}
        )
        if made:
            route.reviewers.set([rep])
        created["approval routes"] += made

    specs = [
        ("EMS-POL-01", "خط‌مشی زیست‌محیطی منطقهٔ ۲", T.POLICY, POLICY_FA, {"public": True}),
        ("EMS-MAN-01", "نظامنامهٔ مدیریت زیست‌محیطی", T.MANUAL, MANUAL_FA, {}),
        *[(code, title, T.PROCEDURE, text, {}) for code, title, text in PROCEDURES_FA],
    ]
    for code, title, doc_type, text, extra in specs:
        document, made = _document(env, code, title, doc_type, "fa", manager, [region], **extra)
        created["documents"] += made
        created["document versions"] += _publish(document, text, manager, manager)
    # One procedure waits for its review, overdue, in the manager's tasks.
    waste, made = _document(
        env,
        "EMS-WI-01",
        "دستورالعمل تفکیک پسماند از مبدأ در نواحی",
        T.WORK_INSTRUCTION,
        "fa",
        manager,
        [region],
        next_review=timezone.localdate() - dt.timedelta(days=20),
    )
    created["documents"] += made
    if made:
        DocumentVersion.objects.create(
            document=waste,
            content="# تفکیک پسماند\n- پسماند خشک\n- پسماند تر",
            change_summary="نسخهٔ نخست",
        )
        created["document versions"] += 1

    dk_manager = User.objects.get(username="albertslund.manager")
    root = _unit(ALBERTSLUND, "root")
    document, made = _document(
        root, "MP-01", "Miljøpolitik", T.POLICY, "da", dk_manager, [root], public=True
    )
    created["documents"] += made
    created["document versions"] += _publish(document, POLICY_DA, dk_manager, dk_manager)
    for code in ("raadhuset", "materielgaarden", "bibliotek", "musikhuset", "svommehal"):
        unit = _unit(ALBERTSLUND, code)
        document, made = _document(
            unit,
            "LMH",
            f"Lokal miljøhåndbog – {unit.name}",
            T.LOCAL_HANDBOOK,
            "da",
            unit.representative or dk_manager,
            [unit],
            public=True,
        )
        created["documents"] += made
        created["document versions"] += _publish(
            document, HANDBOOK_DA.format(name=unit.name), dk_manager, dk_manager
        )

    fi_manager = User.objects.get(username="kemi.manager")
    kemi = _unit(KEMI, "root")
    ymparisto = _unit(KEMI, "ymparisto")
    for unit, code, title, doc_type, text in (
        (kemi, "YP-01", "Ympäristöpolitiikka", T.POLICY, POLICY_FI),
        (ymparisto, "TO-03", "Jätteiden lajitteluohje", T.WORK_INSTRUCTION, PROCEDURE_FI),
    ):
        document, made = _document(
            unit, code, title, doc_type, "fi", fi_manager, [kemi], public=True
        )
        created["documents"] += made
        created["document versions"] += _publish(document, text, fi_manager, fi_manager)
    return created
