"""Demo significance criteria, activities, aspects and their impacts in each
organisation's language.

Idempotent: criteria sets by unit and name, criteria by code, activities by unit and
code, aspects by activity and name, impacts by aspect, affected environment and
description. Links to legal obligations are added by the
obligations demo, which re-evaluates the aspects concerned.
"""

from __future__ import annotations

from decimal import Decimal

from zist.aspects import services
from zist.aspects.models import (
    Activity,
    Aspect,
    CriteriaSet,
    Criterion,
    Effect,
    Impact,
    ImpactCategory,
    OverrideRule,
)
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
AIR, WATER, SOIL, CLIMATE = "air", "water", "soil", "climate"
RESOURCES, BIODIVERSITY, WASTE = "resources", "biodiversity", "waste"
NOISE, HEALTH = "noise", "health"
GOOD = Effect.BENEFICIAL

# activity code, aspect, impacts [(affected environment, description[, GOOD])], condition,
# life-cycle stage, control, scores
ASPECTS_FA = [
    (
        "urban-services",
        "مصرف سوخت ماشین‌آلات رفت‌وروب",
        [
            (AIR, "آلودگی هوا با ذرات معلق و اکسیدهای نیتروژن اگزوز"),
            (CLIMATE, "انتشار دی‌اکسید کربن و دیگر گازهای گلخانه‌ای"),
            (RESOURCES, "مصرف سوخت فسیلی (گازوئیل)"),
        ],
        N,
        "use",
        "direct",
        (3, 4, 3),
    ),
    (
        "urban-services",
        "گرد و غبار ناشی از جاروب خیابان",
        [
            (AIR, "افزایش ذرات معلق در هوای خیابان"),
            (HEALTH, "تحریک دستگاه تنفسی رهگذران و کارگران"),
        ],
        N,
        "production",
        "direct",
        (3, 4, 2),
    ),
    (
        "urban-services",
        "شستشوی مخازن پسماند",
        [
            (WATER, "مصرف آب برای شستشو"),
            (WATER, "تولید شیرابه و ورود آن به جوی‌ها و آب‌های سطحی"),
        ],
        N,
        "production",
        "direct",
        (2, 4, 2),
    ),
    (
        "urban-services",
        "نشت شیرابه از خودروهای حمل پسماند",
        [
            (SOIL, "آلودگی خاک مسیر حمل با شیرابه"),
            (WATER, "آلودگی آب‌های سطحی و جوی‌ها"),
            (HEALTH, "بوی نامطبوع برای ساکنان مسیر"),
        ],
        A,
        "transport",
        "direct",
        (4, 3, 2),
    ),
    (
        "urban-services",
        "آتش‌سوزی در مخازن پسماند",
        [(AIR, "انتشار دود و آلاینده‌های سمی"), (HEALTH, "خطر آتش و دود برای شهروندان")],
        E,
        "production",
        "direct",
        (4, 2, 2),
    ),
    (
        "urban-services",
        "آلودگی صوتی جمع‌آوری شبانه پسماند",
        [(NOISE, "سر و صدای شبانه خودروهای جمع‌آوری"), (HEALTH, "اختلال در خواب ساکنان")],
        N,
        "production",
        "direct",
        (2, 4, 2),
    ),
    (
        "green-space",
        "مصرف آب آبیاری",
        [
            (WATER, "کاهش منابع آب زیرزمینی و افت سطح ایستابی"),
            (BIODIVERSITY, "حفظ پوشش گیاهی و زیستگاه پرندگان شهری", GOOD),
        ],
        N,
        "use",
        "direct",
        (4, 5, 3),
    ),
    (
        "green-space",
        "مصرف سموم و کودهای شیمیایی",
        [
            (SOIL, "آلودگی خاک با بقایای سموم"),
            (WATER, "ورود نیترات و سموم به آب زیرزمینی"),
            (BIODIVERSITY, "آسیب به زنبورها و حشرات مفید"),
        ],
        N,
        "production",
        "direct",
        (3, 3, 2),
    ),
    (
        "green-space",
        "تولید پسماند هرس و برگ",
        [(WASTE, "اشغال ظرفیت محل دفن")],
        N,
        "end_of_life",
        "direct",
        (2, 5, 2),
    ),
    (
        "green-space",
        "تولید کمپوست از پسماند هرس و برگ",
        [
            (SOIL, "بهبود حاصلخیزی و ساختار خاک بوستان‌ها", GOOD),
            (WASTE, "کاهش پسماند سبز ارسالی به محل دفن", GOOD),
            (AIR, "بوی توده‌های کمپوست در صورت هوادهی ناکافی"),
        ],
        N,
        "end_of_life",
        "direct",
        (2, 4, 2),
    ),
    (
        "green-space",
        "مصرف سوخت ادوات چمن‌زنی",
        [(AIR, "آلودگی هوا از موتورهای دوزمانه"), (NOISE, "سر و صدای چمن‌زن در بوستان")],
        N,
        "use",
        "direct",
        (2, 4, 2),
    ),
    (
        "green-space",
        "خشک شدن درختان در خشکسالی",
        [
            (BIODIVERSITY, "کاهش پوشش گیاهی و زیستگاه جانوران شهری"),
            (CLIMATE, "از دست رفتن سایه و تشدید جزیره گرمایی"),
        ],
        A,
        "use",
        "direct",
        (4, 2, 3),
    ),
    (
        "green-space",
        "ریزش درختان در توفان",
        [
            (HEALTH, "خطر جانی و خسارت مالی برای شهروندان"),
            (BIODIVERSITY, "از دست رفتن درختان کهن‌سال"),
        ],
        E,
        "use",
        "direct",
        (4, 1, 2),
    ),
    (
        "waste-separation",
        "پسماند خشک تفکیک‌شده",
        [
            (WASTE, "کاهش پسماند دفنی", GOOD),
            (RESOURCES, "بازگشت مواد به چرخه و صرفه‌جویی در منابع طبیعی", GOOD),
        ],
        N,
        "end_of_life",
        "indirect",
        (3, 4, 3),
    ),
    (
        "waste-separation",
        "پسماند خطرناک خانگی (باتری، لامپ)",
        [
            (SOIL, "آلودگی خاک با فلزات سنگین در صورت دفن"),
            (WATER, "آلودگی آب زیرزمینی با جیوه و سرب"),
        ],
        N,
        "end_of_life",
        "indirect",
        (5, 2, 2),
    ),
    (
        "waste-separation",
        "بوی ایستگاه‌های بازیافت",
        [(AIR, "انتشار بو در محله"), (HEALTH, "مزاحمت برای ساکنان")],
        N,
        "production",
        "direct",
        (2, 3, 2),
    ),
    (
        "waste-separation",
        "پسماند الکترونیکی",
        [
            (SOIL, "آلودگی خاک با فلزات سنگین"),
            (RESOURCES, "بازیافت فلزات ارزشمند در مراکز مجاز", GOOD),
        ],
        N,
        "end_of_life",
        "indirect",
        (4, 2, 2),
    ),
    (
        "nuisance-trades",
        "آلودگی صوتی کارگاه‌های صنفی",
        [
            (NOISE, "سر و صدای کارگاه‌ها در محله مسکونی"),
            (HEALTH, "مزاحمت و استرس برای ساکنان"),
        ],
        N,
        "production",
        "indirect",
        (3, 4, 2),
    ),
    (
        "nuisance-trades",
        "تخلیه روغن سوخته تعمیرگاه‌ها",
        [(SOIL, "آلودگی خاک با روغن سوخته"), (WATER, "ورود روغن به فاضلاب و آب زیرزمینی")],
        A,
        "end_of_life",
        "indirect",
        (4, 3, 2),
    ),
    (
        "nuisance-trades",
        "انتشار بخارات رنگ کارگاه‌های نقاشی خودرو",
        [(AIR, "انتشار ترکیبات آلی فرار"), (HEALTH, "خطر برای سلامت کارگران و همسایگان")],
        N,
        "production",
        "indirect",
        (3, 3, 2),
    ),
    (
        "nuisance-trades",
        "پسماند صنفی مخلوط با پسماند عادی",
        [(WASTE, "افزایش بار محل دفن"), (RESOURCES, "از دست رفتن مواد قابل بازیافت")],
        N,
        "end_of_life",
        "indirect",
        (2, 4, 2),
    ),
    (
        "construction",
        "گرد و غبار عملیات عمرانی",
        [(AIR, "افزایش ذرات معلق در هوا"), (HEALTH, "بیماری‌های تنفسی ساکنان مجاور")],
        N,
        "production",
        "direct",
        (3, 4, 3),
    ),
    (
        "construction",
        "نخاله‌های ساختمانی",
        [(SOIL, "اشغال زمین با تخلیه غیرمجاز نخاله"), (WASTE, "افزایش پسماند ساختمانی")],
        N,
        "end_of_life",
        "direct",
        (3, 4, 3),
    ),
    (
        "construction",
        "مصرف مصالح (آسفالت، بتن)",
        [
            (RESOURCES, "برداشت شن و ماسه از معادن"),
            (CLIMATE, "انتشار کربن در تولید سیمان و آسفالت"),
        ],
        N,
        "raw_material",
        "direct",
        (3, 5, 2),
    ),
    (
        "construction",
        "آلودگی صوتی ماشین‌آلات",
        [(NOISE, "سر و صدا و لرزش ماشین‌آلات سنگین"), (HEALTH, "مزاحمت برای ساکنان")],
        N,
        "production",
        "direct",
        (2, 4, 2),
    ),
    (
        "construction",
        "نشت قیر و سوخت در کارگاه",
        [(SOIL, "آلودگی خاک کارگاه با قیر و سوخت")],
        A,
        "production",
        "direct",
        (3, 2, 2),
    ),
    (
        "construction",
        "برخورد با لوله گاز هنگام حفاری",
        [(HEALTH, "آتش‌سوزی، انفجار و خطر جانی"), (AIR, "انتشار گاز طبیعی و دود")],
        E,
        "production",
        "direct",
        (5, 1, 3),
    ),
    (
        "traffic",
        "انتشار آلاینده‌های ترافیک عبوری",
        [
            (AIR, "آلودگی هوا با ذرات معلق و اکسیدهای نیتروژن"),
            (HEALTH, "بیماری‌های تنفسی و قلبی"),
            (CLIMATE, "انتشار گازهای گلخانه‌ای"),
        ],
        N,
        "use",
        "indirect",
        (4, 5, 4),
    ),
    (
        "traffic",
        "آلودگی صوتی بزرگراه‌ها",
        [
            (NOISE, "تراز صوتی بالا در ساختمان‌های مجاور بزرگراه"),
            (HEALTH, "اختلال خواب و آسیب به سلامت"),
        ],
        N,
        "use",
        "indirect",
        (3, 5, 3),
    ),
    (
        "traffic",
        "مصرف انرژی چراغ‌های راهنمایی",
        [(RESOURCES, "مصرف برق"), (CLIMATE, "انتشار غیرمستقیم گازهای گلخانه‌ای از تولید برق")],
        N,
        "use",
        "direct",
        (2, 5, 2),
    ),
    (
        "traffic",
        "ترافیک ناشی از رویدادهای شهری",
        [(AIR, "افزایش موقت آلودگی هوا"), (NOISE, "افزایش موقت سر و صدا")],
        A,
        "use",
        "indirect",
        (2, 3, 2),
    ),
    (
        "urban-planning",
        "تغییر کاربری فضای سبز",
        [
            (BIODIVERSITY, "کاهش سرانه فضای سبز و زیستگاه‌ها"),
            (CLIMATE, "تشدید جزیره گرمایی شهری"),
        ],
        N,
        "design",
        "indirect",
        (4, 2, 4),
    ),
    (
        "urban-planning",
        "ساخت در حریم مسیل",
        [(HEALTH, "خطر سیلاب برای ساکنان"), (WATER, "تغییر مسیر طبیعی رواناب")],
        N,
        "design",
        "indirect",
        (5, 2, 3),
    ),
    (
        "urban-planning",
        "طراحی ساختمان بدون ملاحظات انرژی",
        [
            (RESOURCES, "مصرف انرژی بالا در دوره بهره‌برداری"),
            (CLIMATE, "انتشار گازهای گلخانه‌ای در طول عمر ساختمان"),
        ],
        N,
        "design",
        "indirect",
        (3, 4, 3),
    ),
    (
        "beautification",
        "مصرف رنگ و حلال",
        [
            (AIR, "انتشار ترکیبات آلی فرار"),
            (WASTE, "قوطی‌های رنگ به‌عنوان پسماند خطرناک"),
        ],
        N,
        "production",
        "direct",
        (2, 3, 2),
    ),
    (
        "beautification",
        "روشنایی تزئینی",
        [(RESOURCES, "مصرف برق"), (BIODIVERSITY, "آلودگی نوری و اختلال در رفتار پرندگان")],
        N,
        "use",
        "direct",
        (2, 4, 2),
    ),
    (
        "beautification",
        "پسماند تابلوها و المان‌های فرسوده",
        [(WASTE, "افزایش پسماند")],
        N,
        "end_of_life",
        "direct",
        (2, 3, 2),
    ),
    (
        "buildings",
        "مصرف گاز موتورخانه‌ها",
        [
            (CLIMATE, "انتشار دی‌اکسید کربن"),
            (AIR, "انتشار اکسیدهای نیتروژن"),
            (RESOURCES, "مصرف گاز طبیعی"),
        ],
        N,
        "use",
        "direct",
        (3, 5, 3),
    ),
    (
        "buildings",
        "مصرف برق ساختمان‌ها",
        [(CLIMATE, "انتشار غیرمستقیم گازهای گلخانه‌ای"), (RESOURCES, "مصرف برق")],
        N,
        "use",
        "direct",
        (3, 5, 2),
    ),
    (
        "buildings",
        "مصرف کاغذ",
        [(RESOURCES, "مصرف منابع جنگلی"), (WASTE, "پسماند کاغذ اداری")],
        N,
        "use",
        "direct",
        (2, 5, 2),
    ),
    (
        "buildings",
        "نشت مبرد سامانه‌های سرمایشی",
        [(CLIMATE, "گرمایش جهانی ناشی از مبردهای HFC"), (AIR, "تخریب لایه ازن")],
        A,
        "use",
        "direct",
        (4, 2, 2),
    ),
    (
        "buildings",
        "نشت گاز در موتورخانه",
        [(HEALTH, "آتش‌سوزی و انفجار")],
        E,
        "use",
        "direct",
        (5, 1, 2),
    ),
    (
        "d3-depot",
        "نگهداری روغن و سوخت در انبار",
        [(SOIL, "آلودگی خاک در صورت نشت"), (WATER, "آلودگی آب زیرزمینی در صورت نشت")],
        A,
        "production",
        "direct",
        (4, 2, 2),
    ),
    (
        "d3-depot",
        "شستشوی خودروها",
        [(WATER, "مصرف آب برای شستشو"), (WATER, "فاضلاب آلوده به روغن و شوینده")],
        N,
        "production",
        "direct",
        (3, 4, 2),
    ),
    (
        "d4-parks",
        "مصرف آب چاه‌های بوستان",
        [(WATER, "افت سطح آب زیرزمینی")],
        N,
        "use",
        "direct",
        (4, 4, 2),
    ),
    (
        "d4-parks",
        "پسماند بازدیدکنندگان",
        [(WASTE, "پسماند رهاشده در بوستان"), (BIODIVERSITY, "آسیب به جانوران بوستان")],
        N,
        "end_of_life",
        "indirect",
        (2, 5, 2),
    ),
]

ASPECTS_OTHER = [
    (
        "vejdrift",
        "Saltning af veje",
        [
            (WATER, "Salt i grundvand og vandløb"),
            (BIODIVERSITY, "Saltskader på vejtræer og rabatvegetation"),
        ],
        N,
        "use",
        "direct",
        (4, 4, 2),
    ),
    (
        "vejdrift",
        "Brændstof til maskinpark",
        [(CLIMATE, "CO₂-udledning fra diesel"), (AIR, "Partikler og NOx fra udstødning")],
        N,
        "use",
        "direct",
        (3, 3, 2),
    ),
    (
        "vejdrift",
        "Oliespild ved værkstedet",
        [(SOIL, "Forurening af jord"), (WATER, "Risiko for olie i grundvandet")],
        A,
        "production",
        "direct",
        (4, 1, 2),
    ),
    (
        "bad",
        "Varmeforbrug til bassiner",
        [(CLIMATE, "CO₂-udledning fra fjernvarme"), (RESOURCES, "Energiforbrug")],
        N,
        "use",
        "direct",
        (4, 4, 3),
    ),
    ("bad", "Vandforbrug", [(WATER, "Belastning af grundvandet")], N, "use", "direct", (3, 4, 3)),
    (
        "bad",
        "Klorkemikalier",
        [(HEALTH, "Risiko for udslip af klorgas"), (WATER, "Risiko for udslip til kloakken")],
        E,
        "use",
        "direct",
        (5, 1, 2),
    ),
    (
        "bibliotek",
        "Elforbrug til lys og IT",
        [(CLIMATE, "CO₂-udledning fra elproduktion"), (RESOURCES, "Elforbrug")],
        N,
        "use",
        "direct",
        (2, 3, 2),
    ),
    (
        "bibliotek",
        "Indkøb af materialer",
        [(RESOURCES, "Ressourceforbrug"), (WASTE, "Affald fra kasserede materialer")],
        N,
        "raw_material",
        "indirect",
        (2, 2, 2),
    ),
    (
        "skole",
        "Madspild i kantinen",
        [
            (RESOURCES, "Spild af fødevarer og ressourcer"),
            (CLIMATE, "Klimaaftryk fra mad, der ikke bliver spist"),
        ],
        N,
        "end_of_life",
        "direct",
        (2, 4, 3),
    ),
    (
        "skole",
        "Affaldssortering",
        [
            (RESOURCES, "Genanvendelse af materialer", GOOD),
            (WASTE, "Mindre restaffald til forbrænding", GOOD),
        ],
        N,
        "end_of_life",
        "direct",
        (2, 4, 2),
    ),
    (
        "katujen-kunnossapito",
        "Hiekoitus ja pöly",
        [
            (AIR, "Ilmanlaadun heikkeneminen keväällä katupölyn takia"),
            (HEALTH, "Hengitystieoireet"),
        ],
        N,
        "use",
        "direct",
        (3, 4, 2),
    ),
    (
        "katujen-kunnossapito",
        "Kaluston polttoaineenkulutus",
        [(CLIMATE, "Kasvihuonepäästöt"), (AIR, "Pakokaasupäästöt")],
        N,
        "use",
        "direct",
        (3, 3, 3),
    ),
    (
        "kiinteistot",
        "Kaukolämmön kulutus",
        [(CLIMATE, "Kasvihuonepäästöt"), (RESOURCES, "Energiankulutus")],
        N,
        "use",
        "direct",
        (4, 4, 3),
    ),
    (
        "kiinteistot",
        "Sähkönkulutus",
        [(CLIMATE, "Kasvihuonepäästöt"), (RESOURCES, "Energiankulutus")],
        N,
        "use",
        "direct",
        (3, 4, 2),
    ),
    (
        "kiinteistot",
        "Vesivahinko",
        [(RESOURCES, "Materiaalihukka"), (HEALTH, "Homeriski sisäilmassa")],
        E,
        "use",
        "direct",
        (4, 1, 2),
    ),
    (
        "jatehuolto",
        "Sekajätteen määrä",
        [(WASTE, "Kaatopaikkakuormitus"), (RESOURCES, "Hyödyntämättä jäävät materiaalit")],
        N,
        "end_of_life",
        "indirect",
        (3, 4, 4),
    ),
    (
        "jatehuolto",
        "Biojätteen erilliskeräys",
        [
            (SOIL, "Ravinteiden kierrätys kompostin kautta maaperään", GOOD),
            (WASTE, "Sekajätteen määrän väheneminen", GOOD),
        ],
        N,
        "end_of_life",
        "indirect",
        (2, 3, 2),
    ),
]


def _unit(organisation: str, code: str) -> Unit:
    return Unit.objects.get(organisation__name=organisation, code=code)


def load() -> dict[str, int]:
    created = {"criteria sets": 0, "criteria": 0, "activities": 0, "aspects": 0, "impacts": 0}
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
    for code, name, impacts, condition, stage, control, scores in ASPECTS_FA + ASPECTS_OTHER:
        activity, org = activities[code]
        aspect = Aspect.objects.filter(activity=activity, name=name).first()
        if aspect is None:
            criteria_set = sets[org]
            codes = list(criteria_set.criteria.values_list("code", flat=True))
            aspect = Aspect(
                activity=activity,
                name=name,
                condition=condition,
                life_cycle_stage=stage,
                control=control,
                criteria_set=criteria_set,
                scores=dict(zip(codes, scores, strict=True)),
            )
            services.apply_evaluation(aspect, obligations=[])
            aspect.save()
            created["aspects"] += 1
        for category, description, *effect in impacts:
            _impact, made = Impact.objects.get_or_create(
                aspect=aspect,
                category=ImpactCategory(category),
                description=description,
                defaults={"effect": effect[0] if effect else Effect.ADVERSE},
            )
            created["impacts"] += made
    return created
