"""Demo data of Qazvin's crisis management master plan (1398), in Persian.

Idempotent: every object is looked up by its natural key and created only when
missing. Events marked "real" follow published accounts (rounded figures); the rest
are plausible demo data and say so in their source.
"""

from __future__ import annotations

from django.utils import translation

from zist.core import calendars
from zist.crisis import models as m
from zist.crisis.models.sessions import Favours, Method
from zist.crisis.services import plan as plan_service
from zist.crisis.services import remedies
from zist.organisations.models import Unit
from zist.users.models import User

QAZVIN = "شهرداری قزوین"
DEMO = "دادهٔ نمایشی"

j = calendars.from_jalali


class Loader:
    """Counts what it creates, per model."""

    def __init__(self):
        self.counts: dict[str, int] = {}

    def get(self, model, defaults=None, **key):
        obj = model.objects.filter(**key).first()
        if obj is None:
            obj = model.objects.create(**key, **(defaults or {}))
            with translation.override("en"):
                name = str(model._meta.verbose_name_plural)
            self.counts[name] = self.counts.get(name, 0) + 1
        return obj


# name, category, kind, area, [(title, date, location, severity, deaths, injured,
# displaced, loss in IRR, source)]
HAZARDS = [
    (
        "زلزله",
        "natural",
        "earthquake",
        "کل شهر؛ گسل‌های ایپک و شمال قزوین",
        [
            (
                "زلزلهٔ بوئین‌زهرا",
                j(1341, 6, 10),
                "بوئین‌زهرا، جنوب استان",
                5,
                12225,
                2776,
                21000,
                None,
                "گزارش‌های تاریخی و USGS",
            ),
            (
                "زلزلهٔ چنگوره (آوج)",
                j(1381, 4, 1),
                "آوج و چنگوره",
                4,
                230,
                1300,
                25000,
                None,
                "گزارش‌های هلال احمر",
            ),
        ],
    ),
    (
        "سیلاب",
        "natural",
        "flood",
        "مسیل‌های شمالی و شرقی شهر",
        [
            (
                "سیلاب مسیل شمالی",
                j(1398, 1, 9),
                "مسیل شمالی، منطقهٔ ۱",
                3,
                0,
                12,
                340,
                85_000_000_000,
                DEMO,
            ),
            (
                "آب‌گرفتگی معابر",
                j(1401, 5, 7),
                "بلوار نوروزیان و خیابان‌های مرکزی",
                2,
                0,
                3,
                40,
                12_000_000_000,
                DEMO,
            ),
        ],
    ),
    (
        "خشکسالی",
        "natural",
        "drought",
        "دشت قزوین",
        [
            (
                "خشکسالی و افت آب‌های زیرزمینی",
                j(1387, 3, 1),
                "دشت قزوین",
                3,
                0,
                0,
                0,
                900_000_000_000,
                DEMO,
            ),
        ],
    ),
    (
        "آلودگی هوا",
        "environmental",
        "air_pollution",
        "مرکز شهر و محورهای پرتردد",
        [
            ("وارونگی دما و تعطیلی مدارس", j(1396, 10, 6), "کل شهر", 3, 0, 450, 0, None, DEMO),
            ("آلودگی زمستانی", j(1402, 9, 20), "کل شهر", 2, 0, 210, 0, None, DEMO),
        ],
    ),
    (
        "توفان گرد و غبار",
        "natural",
        "storm",
        "کل شهر",
        [
            ("گرد و غبار با منشأ بیرونی", j(1397, 2, 15), "کل شهر", 2, 0, 95, 0, None, DEMO),
        ],
    ),
    (
        "آتش‌سوزی شهری",
        "technological",
        "fire",
        "بازار قدیم و بافت فرسوده",
        [
            (
                "آتش‌سوزی انبار در بازار",
                j(1395, 11, 2),
                "بازار سنتی قزوین",
                3,
                1,
                6,
                0,
                40_000_000_000,
                DEMO,
            ),
        ],
    ),
    (
        "حادثهٔ صنعتی",
        "technological",
        "industrial",
        "شهرک صنعتی البرز",
        [
            (
                "آتش‌سوزی کارخانهٔ شیمیایی",
                j(1399, 4, 18),
                "شهرک صنعتی البرز",
                4,
                2,
                19,
                300,
                150_000_000_000,
                DEMO,
            ),
        ],
    ),
    (
        "انفجار و نشت گاز",
        "technological",
        "utility",
        "شبکهٔ گاز شهری",
        [
            (
                "انفجار گاز در ساختمان مسکونی",
                j(1400, 10, 12),
                "منطقهٔ ۲",
                3,
                3,
                8,
                24,
                20_000_000_000,
                DEMO,
            ),
        ],
    ),
    (
        "همه‌گیری",
        "biological",
        "pandemic",
        "کل شهر",
        [
            (
                "همه‌گیری کووید-۱۹",
                j(1398, 12, 1),
                "کل استان",
                5,
                2500,
                0,
                0,
                None,
                "گزارش‌های دانشگاه علوم پزشکی (گرد شده)",
            ),
        ],
    ),
    (
        "برف سنگین و یخبندان",
        "natural",
        "snow",
        "کل شهر",
        [
            ("موج سرما و قطعی گاز", j(1386, 10, 15), "کل شهر", 3, 0, 60, 0, None, DEMO),
        ],
    ),
    ("فرونشست زمین", "natural", "landslide", "جنوب دشت قزوین", []),
    (
        "حادثهٔ حمل و نقل",
        "technological",
        "transport",
        "آزادراه قزوین–رشت و قزوین–کرج",
        [
            ("تصادف زنجیره‌ای در مه", j(1399, 9, 3), "آزادراه قزوین–کرج", 3, 4, 27, 0, None, DEMO),
        ],
    ),
    ("ریزش ساختمان", "technological", "building_collapse", "بافت تاریخی و فرسوده", []),
    ("نشت مواد خطرناک", "technological", "hazmat", "محور ترانزیت سوخت", []),
]

PEOPLE = [
    ("حسین کریمی", "مدیر ادارهٔ مدیریت بحران"),
    ("مریم احمدی", "معاونت خدمات شهری"),
    ("رضا موسوی", "سازمان آتش‌نشانی"),
    ("زهرا حسینی", "جمعیت هلال احمر"),
    ("علی رضایی", "دانشگاه بین‌المللی امام خمینی"),
]

# The AHP session compares these by "risk of occurrence".
AHP_HAZARDS = ["زلزله", "سیلاب", "آلودگی هوا", "حادثهٔ صنعتی", "خشکسالی"]
AHP_WEIGHTS = [0.42, 0.18, 0.17, 0.13, 0.10]
# Each person's judgements differ a little from the common view (factor per pair).
AHP_NOISE = [
    [1, 1.3, 0.8, 1, 1.2, 1, 0.8, 1, 1.1, 1],
    [1.2, 1, 1, 0.8, 1, 1.3, 1, 1, 0.9, 1.2],
    [0.8, 1, 1.2, 1, 1, 0.9, 1.2, 1, 1, 0.8],
    [1, 0.8, 1, 1.3, 0.9, 1, 1, 1.2, 1, 1],
    [1.1, 1.2, 0.9, 1, 1, 1, 1.1, 0.8, 1.3, 1],
]

# Criteria scoring: (likelihood, human, economic, environmental, social) per person.
SCORING = {
    "زلزله": [(2, 5, 5, 3, 4), (3, 5, 4, 3, 5), (2, 5, 5, 4, 4)],
    "آلودگی هوا": [(5, 3, 3, 4, 3), (5, 3, 2, 4, 3), (4, 2, 3, 5, 3)],
    "سیلاب": [(4, 2, 3, 3, 2), (3, 2, 3, 2, 2), (4, 3, 3, 3, 3)],
    "انفجار و نشت گاز": [(3, 3, 2, 1, 2), (3, 2, 2, 1, 2), (4, 3, 2, 2, 3)],
}
CRITERIA = ["likelihood", "human", "economic", "environmental", "social"]

DELPHI_HAZARDS = {  # name: (likelihood, impact) the panel converges on
    "زلزله": (3, 5),
    "سیلاب": (4, 3),
    "آلودگی هوا": (5, 3),
    "حادثهٔ صنعتی": (3, 4),
    "خشکسالی": (4, 3),
    "آتش‌سوزی شهری": (4, 2),
}
DELPHI_OFFSETS = [[-2, -1, 0, 1, 2], [-1, -1, 0, 1, 1], [0, 0, 0, 1, -1]]

SCENARIOS = {
    "زلزله": (
        "زلزلهٔ بزرگ شبانه روی گسل شمال قزوین",
        "زلزلهٔ ۷ ریشتری در شب زمستان؛ بافت فرسوده و شبکه‌های حیاتی آسیب می‌بینند.",
        "ساخت‌وساز بدون رعایت آیین‌نامهٔ ۲۸۰۰\nبافت فرسوده و معابر تنگ\nنبود شیرهای قطع خودکار گاز",
        [
            ("زلزله", "hazard", 3, 5),
            ("ریزش ساختمان‌ها", "effect", 4, 5),
            ("آتش‌سوزی ناشی از نشت گاز", "hazard", 4, 4),
            ("قطع برق", "effect", 4, 3),
            ("ازدحام بیمارستان‌ها", "effect", 4, 4),
            ("اسکان اضطراری", "effect", 5, 3),
        ],
        [(0, 1), (0, 2), (0, 3), (1, 4), (2, 4), (3, 2), (1, 5)],
        [
            (
                "شرکت گاز استان قزوین",
                "hardware",
                "equipment",
                "نبود شیرهای قطع خودکار لرزه‌ای در انشعاب‌ها",
                "نصب شیر قطع خودکار در مناطق پرخطر",
                j(1405, 6, 31),
            ),
            (
                "سازمان آتش‌نشانی و خدمات ایمنی",
                "hardware",
                "vehicles",
                "کمبود نردبان هیدرولیک برای ساختمان‌های بلند",
                "خرید دو دستگاه نردبان ۳۲ متری",
                j(1405, 12, 29),
            ),
            (
                "دانشگاه علوم پزشکی",
                "software",
                "plans",
                "نبود طرح افزایش ظرفیت بیمارستان‌ها",
                "تدوین طرح افزایش ظرفیت",
                j(1405, 3, 31),
            ),
        ],
    ),
    "سیلاب": (
        "سیلاب ناگهانی در مسیل شمالی",
        "بارش شدید بهاری و سرریز مسیل شمالی به معابر منطقهٔ ۱.",
        "تجاوز به حریم مسیل\nانسداد دهانهٔ پل‌ها با پسماند",
        [
            ("بارش شدید", "hazard", 4, 3),
            ("سرریز مسیل", "hazard", 3, 4),
            ("آب‌گرفتگی معابر", "effect", 4, 3),
            ("اختلال ترافیک", "effect", 5, 2),
        ],
        [(0, 1), (1, 2), (2, 3)],
        [
            (
                "سازمان مدیریت پسماند",
                "software",
                "procedures",
                "لایروبی مسیل‌ها برنامهٔ زمانی ندارد",
                "برنامهٔ لایروبی پیش از فصل بارش",
                j(1405, 1, 31),
            )
        ],
    ),
    "آلودگی هوا": (
        "وارونگی دمای زمستانی",
        "پایداری جوی چندروزه با شاخص کیفیت هوا بالای ۱۵۰.",
        "ناوگان فرسودهٔ حمل و نقل\nنبود سامانهٔ هشدار",
        [
            ("وارونگی دما", "hazard", 5, 3),
            ("افزایش ذرات معلق", "effect", 5, 3),
            ("مراجعات تنفسی", "effect", 4, 3),
            ("تعطیلی مدارس", "effect", 3, 2),
        ],
        [(0, 1), (1, 2), (1, 3)],
        [
            (
                "ادارهٔ کل هواشناسی",
                "software",
                "information",
                "پیش‌بینی وارونگی به موقع به شهرداری نمی‌رسد",
                "اتصال به سامانهٔ هشدار هواشناسی",
                j(1405, 9, 30),
            )
        ],
    ),
    "حادثهٔ صنعتی": (
        "آتش‌سوزی و نشت مواد شیمیایی در شهرک صنعتی البرز",
        "آتش‌سوزی انبار مواد شیمیایی و انتشار دود سمی به سمت شهر.",
        "انبارش نادرست مواد\nنبود فهرست مواد خطرناک در دسترس آتش‌نشانی",
        [
            ("آتش‌سوزی انبار", "hazard", 3, 4),
            ("ابر دود سمی", "hazard", 3, 4),
            ("تخلیهٔ محلات مجاور", "effect", 2, 3),
            ("آلودگی آب‌های سطحی", "effect", 2, 3),
        ],
        [(0, 1), (1, 2), (0, 3)],
        [
            (
                "سازمان آتش‌نشانی و خدمات ایمنی",
                "software",
                "skills",
                "آموزش مقابله با مواد خطرناک ناکافی است",
                "دورهٔ HAZMAT برای ۲۰ آتش‌نشان",
                j(1405, 4, 31),
            )
        ],
    ),
}

AGENCIES = [
    ("معاونت خدمات شهری", True),
    ("سازمان آتش‌نشانی و خدمات ایمنی", True),
    ("سازمان مدیریت پسماند", True),
    ("سازمان حمل و نقل و ترافیک", True),
    ("معاونت شهرسازی و معماری", True),
    ("سازمان فضای سبز", True),
    ("جمعیت هلال احمر", False),
    ("شرکت گاز استان قزوین", False),
    ("دانشگاه علوم پزشکی", False),
    ("ادارهٔ کل هواشناسی", False),
]

# title, reports to, education, field, years, trainings, holders [(name, edu, years, done)]
POSTS = [
    (
        "مدیر ادارهٔ مدیریت بحران",
        None,
        4,
        "مدیریت بحران",
        10,
        "سامانهٔ فرماندهی حادثه\nمدیریت ستاد بحران",
        [("حسین کریمی", 4, 14, "سامانهٔ فرماندهی حادثه\nمدیریت ستاد بحران")],
    ),
    (
        "معاون آمادگی و پیشگیری",
        "مدیر ادارهٔ مدیریت بحران",
        4,
        "مهندسی عمران",
        8,
        "ارزیابی خطر\nسامانهٔ فرماندهی حادثه",
        [("مریم احمدی", 4, 9, "ارزیابی خطر")],
    ),
    (
        "معاون پاسخ و بازسازی",
        "مدیر ادارهٔ مدیریت بحران",
        4,
        "مدیریت بحران",
        8,
        "سامانهٔ فرماندهی حادثه\nعملیات امداد",
        [("رضا موسوی", 3, 12, "عملیات امداد")],
    ),
    (
        "کارشناس ارزیابی خطر",
        "معاون آمادگی و پیشگیری",
        3,
        "زمین‌شناسی یا عمران",
        3,
        "ارزیابی خطر\nسامانهٔ اطلاعات مکانی",
        [("سمیه نوری", 4, 4, "ارزیابی خطر\nسامانهٔ اطلاعات مکانی")],
    ),
    (
        "کارشناس آموزش و مانور",
        "معاون آمادگی و پیشگیری",
        3,
        "علوم تربیتی یا مدیریت بحران",
        3,
        "طراحی مانور\nآموزش همگانی",
        [("امیر جعفری", 3, 2, "آموزش همگانی")],
    ),
    (
        "کارشناس برنامه‌ریزی و فرآیندها",
        "معاون آمادگی و پیشگیری",
        3,
        "مهندسی صنایع",
        3,
        "مدیریت فرآیند",
        [("نرگس کاظمی", 3, 5, "مدیریت فرآیند")],
    ),
    (
        "مسئول مرکز پایش و هشدار",
        "معاون پاسخ و بازسازی",
        3,
        "مخابرات یا فناوری اطلاعات",
        4,
        "سامانه‌های هشدار سریع\nارتباطات اضطراری",
        [("مهدی صادقی", 3, 6, "ارتباطات اضطراری")],
    ),
    (
        "کارشناس عملیات و هماهنگی",
        "معاون پاسخ و بازسازی",
        3,
        "مدیریت بحران",
        3,
        "سامانهٔ فرماندهی حادثه\nعملیات امداد",
        [],
    ),
    (
        "کارشناس پشتیبانی و تدارکات",
        "معاون پاسخ و بازسازی",
        3,
        "مدیریت",
        3,
        "مدیریت انبار اضطراری",
        [("فاطمه رحیمی", 2, 7, "مدیریت انبار اضطراری")],
    ),
    (
        "کارشناس اسکان و بازسازی",
        "معاون پاسخ و بازسازی",
        3,
        "معماری یا شهرسازی",
        3,
        "اسکان اضطراری\nارزیابی خسارت",
        [("حمید شریفی", 4, 3, "ارزیابی خسارت")],
    ),
    (
        "کارشناس اطلاع‌رسانی",
        "مدیر ادارهٔ مدیریت بحران",
        3,
        "روابط عمومی",
        2,
        "اطلاع‌رسانی در بحران",
        [("لیلا محمدی", 3, 4, "اطلاع‌رسانی در بحران")],
    ),
]

FUNCTIONS = [  # function, coordinating post, [(agency, lead?)]
    (
        "جست‌وجو و نجات",
        "کارشناس عملیات و هماهنگی",
        [("سازمان آتش‌نشانی و خدمات ایمنی", True), ("جمعیت هلال احمر", False)],
    ),
    (
        "اسکان اضطراری",
        "کارشناس اسکان و بازسازی",
        [("جمعیت هلال احمر", True), ("معاونت خدمات شهری", False), ("سازمان فضای سبز", False)],
    ),
    (
        "آواربرداری",
        "کارشناس عملیات و هماهنگی",
        [("معاونت خدمات شهری", True), ("سازمان مدیریت پسماند", False)],
    ),
    ("مدیریت ترافیک و تخلیه", "کارشناس عملیات و هماهنگی", [("سازمان حمل و نقل و ترافیک", True)]),
    (
        "درمان و بهداشت",
        "مسئول مرکز پایش و هشدار",
        [("دانشگاه علوم پزشکی", True), ("جمعیت هلال احمر", False)],
    ),
    (
        "ایمنی شبکهٔ گاز",
        "کارشناس عملیات و هماهنگی",
        [("شرکت گاز استان قزوین", True), ("سازمان آتش‌نشانی و خدمات ایمنی", False)],
    ),
    (
        "هشدار سریع",
        "مسئول مرکز پایش و هشدار",
        [("ادارهٔ کل هواشناسی", True), ("سازمان حمل و نقل و ترافیک", False)],
    ),
    (
        "ارزیابی خسارت و بازسازی",
        "کارشناس اسکان و بازسازی",
        [("معاونت شهرسازی و معماری", True), ("معاونت خدمات شهری", False)],
    ),
]

# name, phase, owner post, hazard or None, (speed, flexibility, quality, efficiency),
# steps [(name, post, inputs, outputs, minutes, resources)]
PROCESSES = [
    (
        "کاهش آسیب‌پذیری ساختمان‌های عمومی",
        "prevention",
        "معاون آمادگی و پیشگیری",
        "زلزله",
        (3, 3, 4, 3),
        [
            (
                "فهرست ساختمان‌های عمومی پرخطر",
                "کارشناس ارزیابی خطر",
                "نقشهٔ خطر",
                "فهرست اولویت",
                None,
                "سامانهٔ اطلاعات مکانی",
            ),
            (
                "ارزیابی لرزه‌ای و برآورد هزینه",
                "کارشناس ارزیابی خطر",
                "فهرست اولویت",
                "گزارش مقاوم‌سازی",
                None,
                "مشاور سازه",
            ),
            (
                "گنجاندن مقاوم‌سازی در بودجهٔ سالانه",
                "مدیر ادارهٔ مدیریت بحران",
                "گزارش مقاوم‌سازی",
                "ردیف بودجه",
                None,
                "",
            ),
        ],
    ),
    (
        "آمادگی مسیل‌ها پیش از فصل بارش",
        "prevention",
        "معاون آمادگی و پیشگیری",
        "سیلاب",
        (4, 3, 3, 4),
        [
            (
                "بازدید دهانهٔ پل‌ها و مسیل‌ها",
                "کارشناس ارزیابی خطر",
                "فهرست مسیل‌ها",
                "گزارش انسداد",
                None,
                "خودروی بازدید",
            ),
            (
                "لایروبی و پاک‌سازی",
                "کارشناس پشتیبانی و تدارکات",
                "گزارش انسداد",
                "مسیل پاک",
                None,
                "لودر، کامیون",
            ),
        ],
    ),
    (
        "آموزش و مانور سالانه",
        "preparedness",
        "کارشناس آموزش و مانور",
        None,
        (3, 4, 4, 3),
        [
            (
                "نیازسنجی آموزشی",
                "کارشناس آموزش و مانور",
                "نتایج مانور قبلی",
                "برنامهٔ آموزش",
                None,
                "",
            ),
            ("برگزاری مانور", "کارشناس آموزش و مانور", "سناریو", "گزارش مانور", 240, "تیم ارزیاب"),
        ],
    ),
    (
        "هشدار سریع آلودگی هوا",
        "preparedness",
        "مسئول مرکز پایش و هشدار",
        "آلودگی هوا",
        (4, 3, 3, 4),
        [
            (
                "دریافت پیش‌بینی هواشناسی",
                "مسئول مرکز پایش و هشدار",
                "پیش‌بینی ۷۲ ساعته",
                "هشدار اولیه",
                60,
                "سامانهٔ پایش",
            ),
            (
                "تشکیل کارگروه اضطرار آلودگی",
                "مدیر ادارهٔ مدیریت بحران",
                "هشدار اولیه",
                "مصوبات کارگروه",
                180,
                "",
            ),
            (
                "اطلاع‌رسانی عمومی",
                "کارشناس اطلاع‌رسانی",
                "مصوبات کارگروه",
                "پیام همگانی",
                60,
                "پیامک، رسانه",
            ),
        ],
    ),
    (
        "پاسخ به زلزله: ۷۲ ساعت نخست",
        "response",
        "معاون پاسخ و بازسازی",
        "زلزله",
        (3, 3, 3, 3),
        [
            (
                "فعال‌سازی مرکز هدایت عملیات",
                "مدیر ادارهٔ مدیریت بحران",
                "گزارش زلزله",
                "ستاد فعال",
                30,
                "مرکز هدایت، ژنراتور",
            ),
            (
                "ارزیابی سریع خسارت",
                "کارشناس عملیات و هماهنگی",
                "گزارش مناطق",
                "نقشهٔ خسارت",
                120,
                "تیم‌های ارزیاب، پهپاد",
            ),
            (
                "اعزام تیم‌های جست‌وجو و نجات",
                "کارشناس عملیات و هماهنگی",
                "نقشهٔ خسارت",
                "تیم‌های اعزامی",
                45,
                "آتش‌نشانی، هلال احمر",
            ),
            (
                "برپایی اسکان اضطراری",
                "کارشناس اسکان و بازسازی",
                "آمار آسیب‌دیدگان",
                "اردوگاه اسکان",
                360,
                "چادر، پتو، آب",
            ),
        ],
    ),
    (
        "پاسخ به سیلاب شهری",
        "response",
        "معاون پاسخ و بازسازی",
        "سیلاب",
        (4, 3, 3, 3),
        [
            (
                "هشدار و بستن معابر",
                "مسئول مرکز پایش و هشدار",
                "هشدار بارش",
                "معابر بسته",
                30,
                "پلیس راهور",
            ),
            (
                "تخلیهٔ آب و آواربرداری",
                "کارشناس پشتیبانی و تدارکات",
                "گزارش آب‌گرفتگی",
                "معابر باز",
                180,
                "پمپ، لودر",
            ),
        ],
    ),
    (
        "بازسازی پس از زلزله",
        "recovery",
        "معاون پاسخ و بازسازی",
        "زلزله",
        (2, 3, 3, 3),
        [
            (
                "ارزیابی تفصیلی خسارت",
                "کارشناس اسکان و بازسازی",
                "نقشهٔ خسارت",
                "پرونده‌های خسارت",
                None,
                "مهندسان ناظر",
            ),
            (
                "صدور مجوز بازسازی",
                "کارشناس اسکان و بازسازی",
                "پرونده‌های خسارت",
                "مجوزها",
                None,
                "معاونت شهرسازی",
            ),
        ],
    ),
    (
        "بازگشت خدمات شهری",
        "recovery",
        "معاون پاسخ و بازسازی",
        None,
        (3, 3, 3, 4),
        [
            (
                "اولویت‌بندی خدمات حیاتی",
                "مدیر ادارهٔ مدیریت بحران",
                "گزارش خسارت",
                "برنامهٔ بازگشت",
                240,
                "",
            ),
            (
                "پایش و گزارش پیشرفت",
                "کارشناس برنامه‌ریزی و فرآیندها",
                "برنامهٔ بازگشت",
                "گزارش هفتگی",
                None,
                "",
            ),
        ],
    ),
]

DRILLS = [
    (
        "مانور زلزلهٔ شبانهٔ ۱۴۰۲",
        "زلزله",
        "پاسخ به زلزله: ۷۲ ساعت نخست",
        j(1402, 8, 25),
        "زلزلهٔ ۶٫۵ ریشتری ساعت ۲ بامداد؛ ریزش ساختمان در منطقهٔ ۲.",
        85,
        (2, 3, 3, 2),
        [42, 150, 60, 420],
        [
            ("بی‌سیم‌های مرکز هدایت باتری یدکی نداشتند", "خرید باتری یدکی بی‌سیم", j(1403, 2, 31)),
            ("فهرست تماس سازمان‌های همکار قدیمی بود", "به‌روزرسانی فصلی فهرست تماس", j(1403, 1, 31)),
        ],
    ),
    (
        "مانور زلزلهٔ ۱۴۰۳",
        "زلزله",
        "پاسخ به زلزله: ۷۲ ساعت نخست",
        j(1403, 8, 30),
        "زلزلهٔ ۷ ریشتری در روز کاری؛ آتش‌سوزی ناشی از نشت گاز.",
        120,
        (3, 4, 3, 3),
        [28, 115, 50, 380],
        [("اسکان اضطراری از هدف زمانی عقب ماند", "پیش‌استقرار چادر در سه منطقه", j(1404, 6, 31))],
    ),
]

PUBLIC_TRAINING = [
    ("زلزله", "«بخواب، بپوشان، نگه‌دار» و کیف اضطراری", "دانش‌آموزان و خانواده‌ها", 1, "مدارس، پیامک"),
    ("زلزله", "قطع گاز و برق پس از زلزله", "سرپرستان خانوار", 1, "تلویزیون محلی"),
    ("سیلاب", "پرهیز از مسیل‌ها هنگام بارش", "ساکنان حاشیهٔ مسیل", 2, "سرای محله"),
    (
        "آلودگی هوا",
        "محافظت گروه‌های حساس در روزهای آلوده",
        "سالمندان و بیماران تنفسی",
        2,
        "مراکز بهداشت",
    ),
    (
        "حادثهٔ صنعتی",
        "پناه‌گیری در محل هنگام انتشار دود سمی",
        "ساکنان نزدیک شهرک صنعتی",
        2,
        "جلسات محلی",
    ),
    ("آتش‌سوزی شهری", "کار با خاموش‌کننده", "کسبهٔ بازار", 1, "آتش‌نشانی"),
]


def _ahp_judgement(ratio: float) -> tuple[str, int]:
    """The Saaty judgement closest to `ratio` (first over second)."""
    if ratio >= 1:
        return Favours.FIRST, min(9, max(1, round(ratio)))
    return Favours.SECOND, min(9, max(1, round(1 / ratio)))


def load() -> dict[str, int]:
    """Create what is missing of the Qazvin crisis plan; return the counts created."""
    root = Unit.objects.filter(organisation__name=QAZVIN, depth=1).first()
    if root is None:
        return {}
    office = Unit.objects.get(organisation__name=QAZVIN, code="crisis-office")
    manager = User.objects.filter(username="qazvin.crisis").first()
    load_ = Loader()
    with translation.override("fa"), calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS):
        _load(load_, root, office, manager)
    return load_.counts


def _load(load, root, office, manager) -> None:
    matrix = load.get(m.RiskMatrix, unit=root, name="ماتریس ریسک ۵×۵ شهرداری قزوین")
    hazards = {}
    for name, category, kind, area, events in HAZARDS:
        hazard = load.get(
            m.Hazard, {"category": category, "kind": kind, "area": area}, unit=root, name=name
        )
        hazards[name] = hazard
        for title, date, where, severity, deaths, injured, displaced, loss, source in events:
            load.get(
                m.HazardEvent,
                {
                    "date": date,
                    "location": where,
                    "severity": severity,
                    "deaths": deaths,
                    "injured": injured,
                    "displaced": displaced,
                    "economic_loss": loss,
                    "source": source,
                },
                hazard=hazard,
                title=title,
            )

    ahp_session = load.get(
        m.AssessmentSession,
        {"method": Method.AHP, "held_on": j(1398, 2, 20), "risk_matrix": matrix},
        unit=office,
        title="جلسهٔ اولویت‌بندی بحران‌ها (AHP)",
    )
    ahp_session.hazards.add(*[hazards[n] for n in AHP_HAZARDS])
    pairs = [(a, b) for a in range(len(AHP_HAZARDS)) for b in range(a + 1, len(AHP_HAZARDS))]
    for person_index, (name, affiliation) in enumerate(PEOPLE):
        person = load.get(
            m.Participant,
            {"affiliation": affiliation, "user": manager if person_index == 0 else None},
            session=ahp_session,
            name=name,
        )
        for pair_index, (a, b) in enumerate(pairs):
            ratio = AHP_WEIGHTS[a] / AHP_WEIGHTS[b] * AHP_NOISE[person_index][pair_index]
            favours, intensity = _ahp_judgement(ratio)
            load.get(
                m.PairwiseComparison,
                {"favours": favours, "intensity": intensity},
                session=ahp_session,
                participant=person,
                first=hazards[AHP_HAZARDS[a]],
                second=hazards[AHP_HAZARDS[b]],
            )

    scoring_session = load.get(
        m.AssessmentSession,
        {"method": Method.SCORING, "held_on": j(1398, 2, 6), "risk_matrix": matrix},
        unit=office,
        title="امتیازدهی معیارهای ریسک (رهنمود اتحادیهٔ اروپا)",
    )
    scoring_session.hazards.add(*[hazards[n] for n in SCORING])
    scorers = [
        load.get(m.Participant, {"affiliation": affiliation}, session=scoring_session, name=name)
        for name, affiliation in PEOPLE[:3]
    ]
    for name, rows in SCORING.items():
        for person, values in zip(scorers, rows, strict=True):
            for criterion, value in zip(CRITERIA, values, strict=True):
                load.get(
                    m.CriterionScore,
                    {"value": value},
                    participant=person,
                    hazard=hazards[name],
                    criterion=criterion,
                )

    delphi_session = load.get(
        m.AssessmentSession,
        {
            "method": Method.DELPHI,
            "held_on": j(1398, 3, 15),
            "risk_matrix": matrix,
            "consensus_iqr": 1,
            "max_rounds": 4,
        },
        unit=office,
        title="دلفی ریسک بحران‌های شهر قزوین",
    )
    delphi_session.hazards.add(*[hazards[n] for n in DELPHI_HAZARDS])
    panel = [
        load.get(m.Participant, {"affiliation": affiliation}, session=delphi_session, name=name)
        for name, affiliation in PEOPLE
    ]
    for number, offsets in enumerate(DELPHI_OFFSETS, 1):
        round_ = load.get(
            m.DelphiRound,
            {"held_on": j(1398, 3, 8 + 7 * number)},
            session=delphi_session,
            number=number,
        )
        for person, offset in zip(panel, offsets, strict=True):
            for name, (likelihood, impact) in DELPHI_HAZARDS.items():
                load.get(
                    m.DelphiScore,
                    {
                        "likelihood": min(5, max(1, likelihood + offset)),
                        "impact": min(5, max(1, impact - offset)),
                    },
                    round=round_,
                    participant=person,
                    hazard=hazards[name],
                )

    agencies = {
        name: load.get(m.Agency, {"is_municipal": municipal}, unit=office, name=name)
        for name, municipal in AGENCIES
    }
    for hazard_name, (title, description, causes, nodes, links, gaps) in SCENARIOS.items():
        scenario = load.get(
            m.HazardScenario,
            {"description": description, "root_causes": causes},
            unit=office,
            hazard=hazards[hazard_name],
            title=title,
        )
        made = [
            load.get(
                m.ConsequenceNode,
                {"kind": kind, "likelihood": likelihood, "severity": severity},
                scenario=scenario,
                label=label,
            )
            for label, kind, likelihood, severity in nodes
        ]
        for source, target in links:
            load.get(m.ConsequenceLink, scenario=scenario, source=made[source], target=made[target])
        for agency, category, kind, weakness, remedy, due in gaps:
            gap = load.get(
                m.CapabilityGap,
                {"category": category, "kind": kind, "remedy": remedy, "remedy_due": due},
                scenario=scenario,
                agency=agencies[agency],
                description=weakness,
            )
            if not _has_action(gap):
                remedies.track_gap(gap, owner=manager)

    posts = {}
    for title, boss, education, field, years, trainings, holders in POSTS:
        post = load.get(
            m.Post,
            {
                "reports_to": posts.get(boss),
                "education": education,
                "field_of_study": field,
                "experience_years": years,
                "trainings": trainings,
                "job_description": f"{title}: برنامه‌ریزی، هماهنگی و گزارش در حوزهٔ {field}.",
            },
            unit=office,
            title=title,
        )
        posts[title] = post
        for name, held_education, held_years, done in holders:
            load.get(
                m.PostHolder,
                {"education": held_education, "experience_years": held_years, "trainings": done},
                post=post,
                name=name,
            )
    for name, post_title, cells in FUNCTIONS:
        function = load.get(
            m.CrisisFunction, {"lead_post": posts[post_title]}, unit=office, name=name
        )
        for agency, lead in cells:
            load.get(
                m.FunctionAssignment,
                {"responsibility": "lead" if lead else "support"},
                function=function,
                agency=agencies[agency],
            )

    processes = {}
    for name, phase, owner, hazard, scores, steps in PROCESSES:
        speed, flexibility, quality, efficiency = scores
        process = load.get(
            m.Process,
            {
                "phase": phase,
                "owner_post": posts[owner],
                "hazard": hazards.get(hazard),
                "speed": speed,
                "flexibility": flexibility,
                "quality": quality,
                "efficiency": efficiency,
            },
            unit=office,
            name=name,
        )
        processes[name] = process
        for order, (step_name, post, inputs, outputs, minutes, resources) in enumerate(steps, 1):
            load.get(
                m.ProcessStep,
                {
                    "name": step_name,
                    "post": posts[post],
                    "inputs": inputs,
                    "outputs": outputs,
                    "target_minutes": minutes,
                    "resources": resources,
                },
                process=process,
                order=order,
            )

    for title, hazard, process_name, held, scenario, count, scores, times, findings in DRILLS:
        speed, flexibility, quality, efficiency = scores
        process = processes[process_name]
        drill = load.get(
            m.Drill,
            {
                "hazard": hazards[hazard],
                "process": process,
                "scenario": scenario,
                "status": m.DrillStatus.HELD,
                "planned_on": held,
                "held_on": held,
                "participant_count": count,
                "participants": "ادارهٔ مدیریت بحران، آتش‌نشانی، هلال احمر، اورژانس",
                "speed": speed,
                "flexibility": flexibility,
                "quality": quality,
                "efficiency": efficiency,
            },
            unit=office,
            title=title,
        )
        for step, minutes in zip(process.steps.order_by("order"), times, strict=True):
            load.get(m.DrillTiming, {"measured_minutes": minutes}, drill=drill, step=step)
        for description, remedy, due in findings:
            finding = load.get(
                m.DrillFinding,
                {"remedy": remedy, "remedy_due": due},
                drill=drill,
                description=description,
            )
            if not _has_action(finding):
                remedies.track_finding(finding, owner=manager)
    load.get(
        m.Drill,
        {
            "hazard": hazards["سیلاب"],
            "process": processes["پاسخ به سیلاب شهری"],
            "planned_on": j(1405, 1, 25),
            "scenario": "سیلاب ناگهانی بهاری در مسیل شمالی.",
        },
        unit=office,
        title="مانور سیلاب ۱۴۰۵",
    )

    for hazard, topic, audience, priority, channel in PUBLIC_TRAINING:
        load.get(
            m.PublicTrainingNeed,
            {"audience": audience, "priority": priority, "channel": channel},
            hazard=hazards[hazard],
            topic=topic,
        )

    first = load.get(
        m.MasterPlan,
        {
            "title": "طرح جامع مدیریت بحران شهر قزوین",
            "population": 402748,
            "summary": "حاصل پروژهٔ پژوهشی ۹ ماهه با همکاری معاونت خدمات شهری و "
            "ادارهٔ مدیریت بحران شهرداری قزوین.",
        },
        unit=root,
        version="۱۳۹۸",
    )
    if first.status == m.PlanStatus.DRAFT and manager is not None:
        plan_service.approve(first, manager)
    load.get(
        m.MasterPlan,
        {
            "title": "طرح جامع مدیریت بحران شهر قزوین (بازنگری)",
            "population": 402748,
            "summary": "بازنگری پس از مانورهای ۱۴۰۲ و ۱۴۰۳.",
        },
        unit=root,
        version="۱۴۰۴",
    )


def _has_action(source) -> bool:
    from zist.actions.models import Action

    return Action.objects.for_source(source).exists()
