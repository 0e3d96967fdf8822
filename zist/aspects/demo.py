"""Demo significance criteria, activities and aspects in each organisation's language.

Idempotent: criteria sets by unit and name, criteria by code, activities by unit and
code, aspects by activity and name. Links to legal obligations are added by the
obligations demo, which re-evaluates the aspects concerned.
"""

from __future__ import annotations

from decimal import Decimal

from zist.aspects import services
from zist.aspects.models import Activity, Aspect, CriteriaSet, Criterion, OverrideRule
from zist.organisations.models import Unit

TEHRAN, ALBERTSLUND, KEMI = "شهرداری تهران", "Albertslund Kommune", "Kemin kaupunki"

SCALE_FA = "۱ = ناچیز\n۲ = کم\n۳ = متوسط\n۴ = زیاد\n۵ = بسیار زیاد"

# organisation, unit, name, method, threshold, description,
# criteria [(code, name, weight, scale)], rules [(kind, condition, criterion, minimum)]
CRITERIA_SETS = [
    (
        TEHRAN,
        "region2",
        "معیارهای ارزیابی جنبه‌های زیست‌محیطی منطقه ۲",
        "product",
        Decimal(27),
        "امتیاز = شدت × احتمال × گستره؛ جنبه‌ای با امتیاز ۲۷ یا بیشتر بارز است. هر جنبه‌ای "
        "که الزام قانونی مرتبط دارد و هر جنبهٔ اضطراری با شدت ۴ یا بیشتر نیز بارز است.",
        [
            ("severity", "شدت", Decimal(1), SCALE_FA),
            ("probability", "احتمال وقوع", Decimal(1), SCALE_FA),
            ("extent", "گستره", Decimal(1), SCALE_FA),
        ],
        [("legal_obligation", "", "", None), ("criterion_at_least", "emergency", "severity", 4)],
    ),
    (
        ALBERTSLUND,
        "root",
        "Albertslunds væsentlighedskriterier",
        "weighted_sum",
        Decimal(12),
        "Vægtet sum af miljøpåvirkning, politisk prioritet og udvikling i det grønne regnskab. "
        "Aspekter omfattet af lovkrav eller bindende aftaler er altid væsentlige.",
        [
            ("impact", "Miljøpåvirkning", Decimal(2), "1 = ubetydelig … 5 = meget stor"),
            ("priority", "Politisk prioritet", Decimal(1), "1 = lav … 5 = høj"),
            ("trend", "Udvikling i grønt regnskab", Decimal(1), "1 = forbedring … 5 = forværring"),
        ],
        [("legal_obligation", "", "", None)],
    ),
    (
        KEMI,
        "root",
        "Kemin kaupungin merkittävyyskriteerit",
        "weighted_sum",
        Decimal(14),
        "Painotettu summa vaikutuksen laajuudesta, todennäköisyydestä ja resurssiviisaudesta.",
        [
            ("impact", "Vaikutuksen laajuus", Decimal(2), "1 = vähäinen … 5 = erittäin suuri"),
            ("probability", "Todennäköisyys", Decimal(1), "1 = harvinainen … 5 = jatkuva"),
            ("resources", "Resurssiviisaus", Decimal("0.5"), "1 = hyvä … 5 = heikko"),
        ],
        [("legal_obligation", "", "", None), ("criterion_at_least", "emergency", "impact", 4)],
    ),
]

# organisation, unit, code, name
ACTIVITIES = [
    (TEHRAN, "region2", "urban-services", "خدمات شهری و رفت‌وروب"),
    (TEHRAN, "region2", "green-space", "نگهداری فضای سبز و آبیاری"),
    (TEHRAN, "region2", "waste-separation", "تفکیک پسماند از مبدأ و بازیافت"),
    (TEHRAN, "region2", "nuisance-trades", "نظارت بر مشاغل مزاحم"),
    (TEHRAN, "region2", "construction", "عملیات عمرانی و ساخت‌وساز"),
    (TEHRAN, "region2", "traffic", "حمل‌ونقل و ترافیک"),
    (TEHRAN, "region2", "urban-planning", "شهرسازی و صدور پروانه"),
    (TEHRAN, "region2", "beautification", "زیباسازی شهری"),
    (TEHRAN, "region2-env", "buildings", "ساختمان‌های اداری و موتورخانه‌ها"),
    (TEHRAN, "region2-d3", "d3-depot", "کارگاه و انبار ناحیه ۳"),
    (TEHRAN, "region2-d4", "d4-parks", "بوستان‌های ناحیه ۴"),
    (ALBERTSLUND, "materielgaarden", "vejdrift", "Vejdrift og vintertjeneste"),
    (ALBERTSLUND, "svommehal", "bad", "Drift af svømmehal"),
    (ALBERTSLUND, "bibliotek", "bibliotek", "Biblioteksdrift"),
    (ALBERTSLUND, "herstedlund-skole", "skole", "Skoledrift og kantine"),
    (KEMI, "tekninen", "katujen-kunnossapito", "Katujen kunnossapito"),
    (KEMI, "kiinteisto", "kiinteistot", "Kiinteistöjen ylläpito"),
    (KEMI, "ymparisto", "jatehuolto", "Jätehuollon ohjaus"),
]

N, A, E = "normal", "abnormal", "emergency"

# activity code, aspect, impacts, condition, life-cycle stage, control, scores
ASPECTS_FA = [
    (
        "urban-services",
        "مصرف سوخت ماشین‌آلات رفت‌وروب",
        "آلودگی هوا و انتشار گازهای گلخانه‌ای",
        N,
        "use",
        "direct",
        (3, 4, 3),
    ),
    (
        "urban-services",
        "گرد و غبار ناشی از جاروب خیابان",
        "کاهش کیفیت هوا",
        N,
        "production",
        "direct",
        (3, 4, 2),
    ),
    (
        "urban-services",
        "شستشوی مخازن پسماند",
        "مصرف آب و تولید شیرابه",
        N,
        "production",
        "direct",
        (2, 4, 2),
    ),
    (
        "urban-services",
        "نشت شیرابه از خودروهای حمل پسماند",
        "آلودگی خاک و آب‌های سطحی",
        A,
        "transport",
        "direct",
        (4, 3, 2),
    ),
    (
        "urban-services",
        "آتش‌سوزی در مخازن پسماند",
        "آلودگی هوا و خطر برای شهروندان",
        E,
        "production",
        "direct",
        (4, 2, 2),
    ),
    (
        "urban-services",
        "آلودگی صوتی جمع‌آوری شبانه پسماند",
        "مزاحمت برای ساکنان",
        N,
        "production",
        "direct",
        (2, 4, 2),
    ),
    ("green-space", "مصرف آب آبیاری", "کاهش منابع آب زیرزمینی", N, "use", "direct", (4, 5, 3)),
    (
        "green-space",
        "مصرف سموم و کودهای شیمیایی",
        "آلودگی خاک و آب",
        N,
        "production",
        "direct",
        (3, 3, 2),
    ),
    (
        "green-space",
        "تولید پسماند هرس و برگ",
        "اشغال ظرفیت دفن",
        N,
        "end_of_life",
        "direct",
        (2, 5, 2),
    ),
    ("green-space", "مصرف سوخت ادوات چمن‌زنی", "آلودگی هوا و صدا", N, "use", "direct", (2, 4, 2)),
    (
        "green-space",
        "خشک شدن درختان در خشکسالی",
        "کاهش پوشش گیاهی و تنوع زیستی",
        A,
        "use",
        "direct",
        (4, 2, 3),
    ),
    (
        "green-space",
        "ریزش درختان در توفان",
        "خسارت و خطر برای شهروندان",
        E,
        "use",
        "direct",
        (4, 1, 2),
    ),
    (
        "waste-separation",
        "پسماند خشک تفکیک‌شده",
        "کاهش دفن و بازگشت مواد به چرخه",
        N,
        "end_of_life",
        "indirect",
        (3, 4, 3),
    ),
    (
        "waste-separation",
        "پسماند خطرناک خانگی (باتری، لامپ)",
        "آلودگی خاک و آب",
        N,
        "end_of_life",
        "indirect",
        (5, 2, 2),
    ),
    (
        "waste-separation",
        "بوی ایستگاه‌های بازیافت",
        "مزاحمت برای ساکنان",
        N,
        "production",
        "direct",
        (2, 3, 2),
    ),
    (
        "waste-separation",
        "پسماند الکترونیکی",
        "آلودگی فلزات سنگین",
        N,
        "end_of_life",
        "indirect",
        (4, 2, 2),
    ),
    (
        "nuisance-trades",
        "آلودگی صوتی کارگاه‌های صنفی",
        "مزاحمت برای ساکنان",
        N,
        "production",
        "indirect",
        (3, 4, 2),
    ),
    (
        "nuisance-trades",
        "تخلیه روغن سوخته تعمیرگاه‌ها",
        "آلودگی خاک و فاضلاب",
        A,
        "end_of_life",
        "indirect",
        (4, 3, 2),
    ),
    (
        "nuisance-trades",
        "انتشار بخارات رنگ کارگاه‌های نقاشی خودرو",
        "آلودگی هوا",
        N,
        "production",
        "indirect",
        (3, 3, 2),
    ),
    (
        "nuisance-trades",
        "پسماند صنفی مخلوط با پسماند عادی",
        "افزایش بار دفن",
        N,
        "end_of_life",
        "indirect",
        (2, 4, 2),
    ),
    (
        "construction",
        "گرد و غبار عملیات عمرانی",
        "کاهش کیفیت هوا",
        N,
        "production",
        "direct",
        (3, 4, 3),
    ),
    (
        "construction",
        "نخاله‌های ساختمانی",
        "اشغال زمین و آلودگی منظر",
        N,
        "end_of_life",
        "direct",
        (3, 4, 3),
    ),
    (
        "construction",
        "مصرف مصالح (آسفالت، بتن)",
        "مصرف منابع طبیعی",
        N,
        "raw_material",
        "direct",
        (3, 5, 2),
    ),
    (
        "construction",
        "آلودگی صوتی ماشین‌آلات",
        "مزاحمت برای ساکنان",
        N,
        "production",
        "direct",
        (2, 4, 2),
    ),
    (
        "construction",
        "نشت قیر و سوخت در کارگاه",
        "آلودگی خاک",
        A,
        "production",
        "direct",
        (3, 2, 2),
    ),
    (
        "construction",
        "برخورد با لوله گاز هنگام حفاری",
        "آتش‌سوزی و انفجار",
        E,
        "production",
        "direct",
        (5, 1, 3),
    ),
    (
        "traffic",
        "انتشار آلاینده‌های ترافیک عبوری",
        "آلودگی هوا و بیماری‌های تنفسی",
        N,
        "use",
        "indirect",
        (4, 5, 4),
    ),
    ("traffic", "آلودگی صوتی بزرگراه‌ها", "مزاحمت و آسیب سلامت", N, "use", "indirect", (3, 5, 3)),
    ("traffic", "مصرف انرژی چراغ‌های راهنمایی", "مصرف انرژی", N, "use", "direct", (2, 5, 2)),
    (
        "traffic",
        "ترافیک ناشی از رویدادهای شهری",
        "افزایش آلودگی موقت",
        A,
        "use",
        "indirect",
        (2, 3, 2),
    ),
    (
        "urban-planning",
        "تغییر کاربری فضای سبز",
        "کاهش سرانه فضای سبز",
        N,
        "design",
        "indirect",
        (4, 2, 4),
    ),
    ("urban-planning", "ساخت در حریم مسیل", "خطر سیلاب", N, "design", "indirect", (5, 2, 3)),
    (
        "urban-planning",
        "طراحی ساختمان بدون ملاحظات انرژی",
        "مصرف انرژی بالا در بهره‌برداری",
        N,
        "design",
        "indirect",
        (3, 4, 3),
    ),
    (
        "beautification",
        "مصرف رنگ و حلال",
        "انتشار ترکیبات آلی فرار",
        N,
        "production",
        "direct",
        (2, 3, 2),
    ),
    ("beautification", "روشنایی تزئینی", "مصرف برق و آلودگی نوری", N, "use", "direct", (2, 4, 2)),
    (
        "beautification",
        "پسماند تابلوها و المان‌های فرسوده",
        "افزایش پسماند",
        N,
        "end_of_life",
        "direct",
        (2, 3, 2),
    ),
    ("buildings", "مصرف گاز موتورخانه‌ها", "انتشار دی‌اکسید کربن", N, "use", "direct", (3, 5, 3)),
    (
        "buildings",
        "مصرف برق ساختمان‌ها",
        "انتشار غیرمستقیم گازهای گلخانه‌ای",
        N,
        "use",
        "direct",
        (3, 5, 2),
    ),
    ("buildings", "مصرف کاغذ", "مصرف منابع جنگلی", N, "use", "direct", (2, 5, 2)),
    (
        "buildings",
        "نشت مبرد سامانه‌های سرمایشی",
        "تخریب لایه ازن و گرمایش جهانی",
        A,
        "use",
        "direct",
        (4, 2, 2),
    ),
    ("buildings", "نشت گاز در موتورخانه", "آتش‌سوزی و انفجار", E, "use", "direct", (5, 1, 2)),
    (
        "d3-depot",
        "نگهداری روغن و سوخت در انبار",
        "آلودگی خاک در صورت نشت",
        A,
        "production",
        "direct",
        (4, 2, 2),
    ),
    ("d3-depot", "شستشوی خودروها", "مصرف آب و فاضلاب روغنی", N, "production", "direct", (3, 4, 2)),
    ("d4-parks", "مصرف آب چاه‌های بوستان", "افت سطح آب زیرزمینی", N, "use", "direct", (4, 4, 2)),
    ("d4-parks", "پسماند بازدیدکنندگان", "آلودگی بوستان", N, "end_of_life", "indirect", (2, 5, 2)),
]

ASPECTS_OTHER = [
    ("vejdrift", "Saltning af veje", "Salt i grundvand og vandløb", N, "use", "direct", (4, 4, 2)),
    ("vejdrift", "Brændstof til maskinpark", "CO₂-udledning", N, "use", "direct", (3, 3, 2)),
    (
        "vejdrift",
        "Oliespild ved værkstedet",
        "Forurening af jord",
        A,
        "production",
        "direct",
        (4, 1, 2),
    ),
    (
        "bad",
        "Varmeforbrug til bassiner",
        "CO₂-udledning fra fjernvarme",
        N,
        "use",
        "direct",
        (4, 4, 3),
    ),
    ("bad", "Vandforbrug", "Belastning af grundvandet", N, "use", "direct", (3, 4, 3)),
    ("bad", "Klorkemikalier", "Risiko for udslip", E, "use", "direct", (5, 1, 2)),
    ("bibliotek", "Elforbrug til lys og IT", "CO₂-udledning", N, "use", "direct", (2, 3, 2)),
    (
        "bibliotek",
        "Indkøb af materialer",
        "Ressourceforbrug",
        N,
        "raw_material",
        "indirect",
        (2, 2, 2),
    ),
    ("skole", "Madspild i kantinen", "Spild af ressourcer", N, "end_of_life", "direct", (2, 4, 3)),
    (
        "skole",
        "Affaldssortering",
        "Genanvendelse af materialer",
        N,
        "end_of_life",
        "direct",
        (2, 4, 2),
    ),
    (
        "katujen-kunnossapito",
        "Hiekoitus ja pöly",
        "Ilmanlaadun heikkeneminen keväällä",
        N,
        "use",
        "direct",
        (3, 4, 2),
    ),
    (
        "katujen-kunnossapito",
        "Kaluston polttoaineenkulutus",
        "Kasvihuonepäästöt",
        N,
        "use",
        "direct",
        (3, 3, 3),
    ),
    ("kiinteistot", "Kaukolämmön kulutus", "Kasvihuonepäästöt", N, "use", "direct", (4, 4, 3)),
    ("kiinteistot", "Sähkönkulutus", "Kasvihuonepäästöt", N, "use", "direct", (3, 4, 2)),
    ("kiinteistot", "Vesivahinko", "Materiaalihukka ja homeriski", E, "use", "direct", (4, 1, 2)),
    (
        "jatehuolto",
        "Sekajätteen määrä",
        "Kaatopaikkakuormitus",
        N,
        "end_of_life",
        "indirect",
        (3, 4, 4),
    ),
    (
        "jatehuolto",
        "Biojätteen erilliskeräys",
        "Ravinteiden kierrätys",
        N,
        "end_of_life",
        "indirect",
        (2, 3, 2),
    ),
]


def _unit(organisation: str, code: str) -> Unit:
    return Unit.objects.get(organisation__name=organisation, code=code)


def load() -> dict[str, int]:
    created = {"criteria sets": 0, "criteria": 0, "activities": 0, "aspects": 0}
    sets: dict[str, CriteriaSet] = {}
    for org, unit_code, name, method, threshold, description, criteria, rules in CRITERIA_SETS:
        unit = _unit(org, unit_code)
        criteria_set, made = CriteriaSet.objects.get_or_create(
            unit=unit,
            name=name,
            defaults={"method": method, "threshold": threshold, "description": description},
        )
        created["criteria sets"] += made
        sets[org] = criteria_set
        for order, (code, label, weight, scale) in enumerate(criteria):
            _criterion, made = Criterion.objects.get_or_create(
                criteria_set=criteria_set,
                code=code,
                defaults={"name": label, "weight": weight, "scale": scale, "order": order},
            )
            created["criteria"] += made
        if not criteria_set.rules.exists():
            for kind, condition, code, minimum in rules:
                OverrideRule.objects.create(
                    criteria_set=criteria_set,
                    kind=kind,
                    condition=condition,
                    criterion=criteria_set.criteria.filter(code=code).first(),
                    minimum=minimum,
                )
    activities = {}
    for org, unit_code, code, name in ACTIVITIES:
        activity, made = Activity.objects.get_or_create(
            unit=_unit(org, unit_code), code=code, defaults={"name": name}
        )
        activities[code] = (activity, org)
        created["activities"] += made
    for code, name, impact, condition, stage, control, scores in ASPECTS_FA + ASPECTS_OTHER:
        activity, org = activities[code]
        criteria_set = sets[org]
        codes = list(criteria_set.criteria.values_list("code", flat=True))
        if Aspect.objects.filter(activity=activity, name=name).exists():
            continue
        aspect = Aspect(
            activity=activity,
            name=name,
            impact=impact,
            condition=condition,
            life_cycle_stage=stage,
            control=control,
            criteria_set=criteria_set,
            scores=dict(zip(codes, scores, strict=True)),
        )
        services.apply_evaluation(aspect, obligations=[])
        aspect.save()
        created["aspects"] += 1
    return created
