"""Document search benchmark: the list page's search over many documents and versions,
on SQLite ("contains") or PostgreSQL (ranked full-text search plus "contains", with and
without the GIN indexes of documents migration 0004).

    python benchmarks/documents_search.py --database postgresql --versions 20000
    python benchmarks/documents_search.py --database sqlite --versions 20000

Three organisations (English, Danish, Persian), each a root and ten districts; every
document has four versions of a few hundred words drawn from its language's vocabulary
(common words often, rare words seldom). The PostgreSQL database
`zist_bench_documents` is dropped and created again; SQLite lives in
benchmarks/data/documents-sqlite (git-ignored). Each timing is what one list page costs:
the count of matches and the first page of 25, median of --runs runs (one run
without the GIN indexes: it takes half a minute). "previous" is
the search as it was before full-text search (icontains over joined versions, distinct).
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from monitoring import configure  # noqa: E402  (the benchmarks share their set-up)

VERSIONS_PER_DOCUMENT = 4
WORDS_PER_VERSION = (250, 450)

VOCABULARY = {
    "en": (
        "the of and to in a for is on that by with environmental waste water energy "
        "management procedure audit audits audited auditor review monitoring records "
        "legal requirements objectives targets emissions spill response emergency "
        "training competence awareness communication supplier contractor chemical "
        "storage boiler heating vehicle fleet noise soil contamination permit "
        "inspection inspections corrective action nonconformity significant aspect "
        "impact lifecycle district depot workshop landfill recycling compost hazardous "
        "collection containers drainage stormwater sewage treatment plant laboratory "
        "sample samples sampling calibration meter readings electricity gas fuel diesel "
        "biodiversity trees park green roof solar panels insulation ventilation report "
        "reporting annual quarterly monthly responsible manager representative leader "
        "approved published version revision document controlled retention archive"
    ).split(),
    "da": (
        "og i at det en til af er på med for som miljø affald affaldet vand energi "
        "ledelse procedure revision revisioner revisionen gennemgang overvågning "
        "registreringer krav mål udledning spild beredskab uddannelse kompetence "
        "leverandør kemikalier opbevaring kedel varme køretøjer støj jord tilladelse "
        "inspektion korrigerende handling afvigelse væsentlig påvirkning genbrug "
        "kompost farligt indsamling containere kloak rensning laboratorium prøver "
        "måler el gas brændstof biodiversitet træer park grønt tag solceller rapport "
        "årlig ansvarlig leder godkendt offentliggjort version dokument arkiv"
    ).split(),
    "fa": (
        "و در به از که این را با برای است محیط زیست پسماند پسماندها آب انرژی مدیریت "
        "روش اجرایی ممیزی بازنگری پایش سوابق الزامات قانونی اهداف انتشار نشت واکنش "
        "اضطراری آموزش صلاحیت آگاهی ارتباطات پیمانکار مواد شیمیایی انبار دیگ بخار "
        "گرمایش خودرو صدا خاک آلودگی مجوز بازرسی اقدام اصلاحی عدم انطباق جنبه پیامد "
        "منطقه ناحیه کارگاه دفن بازیافت کمپوست خطرناک جمع‌آوری مخازن فاضلاب تصفیه "
        "آزمایشگاه نمونه کالیبراسیون کنتور برق گاز سوخت تنوع زیستی درختان پارک گزارش "
        "سالانه مسئول نماینده تصویب منتشر نسخه سند بایگانی"
    ).split(),
}
RARE_WORD = {"en": "kingfisher", "da": "isfugl", "fa": "ماهیخوار"}
LANGUAGES = (("en", "Benchmark City", 2), ("da", "Benchmark Kommune", 1), ("fa", "شهر نمونه", 1))

QUERIES = [
    ("common word", "audit"),
    ("word form", "inspections"),
    ("rare word", "kingfisher"),
    ("two words", "boiler kingfisher"),
    ("number fragment", "EN-00"),
    ("Persian word", "پسماند"),
    ("no match", "zzyzx"),
]


def zipf_words(rng: random.Random, vocabulary: list[str], count: int) -> list[str]:
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    return rng.choices(vocabulary, weights=weights, k=count)


def build(versions: int, seed: int = 14001) -> dict:
    """Organisations, districts, documents and versions (bulk: no history rows)."""
    from zist.documents.models import Document, DocumentVersion, VersionStatus
    from zist.organisations import services
    from zist.organisations.models import Unit
    from zist.users.models import RoleAssignment, User
    from zist.users.roles import Role

    rng = random.Random(seed)
    documents_wanted = versions // VERSIONS_PER_DOCUMENT
    shares = sum(share for _code, _name, share in LANGUAGES)
    districts, users = {}, {}
    documents = []
    for language, name, share in LANGUAGES:
        organisation = services.create_organisation(name=name, language=language)
        root = Unit.objects.get(organisation=organisation, depth=1)
        districts[language] = [
            services.create_unit(root, name=f"District {i}", code=f"d{i}", kind="district")
            for i in range(1, 11)
        ]
        for number in range(documents_wanted * share // shares):
            words = zipf_words(rng, VOCABULARY[language], 12)
            documents.append(
                Document(
                    unit=districts[language][number % 10],
                    code=f"{language.upper()}-{number:05d}",
                    title=" ".join(words[:4]).capitalize(),
                    description=" ".join(words[4:]),
                    language=language,
                )
            )
    Document.objects.bulk_create(documents, batch_size=2000)
    rows = []
    for document in Document.objects.select_related("unit__organisation"):
        language = document.unit.organisation.language
        for number in range(1, VERSIONS_PER_DOCUMENT + 1):
            words = zipf_words(rng, VOCABULARY[language], rng.randint(*WORDS_PER_VERSION))
            if rng.random() < 0.002:
                words.insert(rng.randrange(len(words)), RARE_WORD[language])
            rows.append(
                DocumentVersion(
                    document=document,
                    number=number,
                    content=" ".join(words),
                    status=(
                        VersionStatus.PUBLISHED
                        if number == VERSIONS_PER_DOCUMENT
                        else VersionStatus.SUPERSEDED
                    ),
                )
            )
    DocumentVersion.objects.bulk_create(rows, batch_size=2000)
    users["administrator"] = User.objects.create_superuser("bench-admin", "a@example.org", "pw")
    representative = User.objects.create_user(
        "bench-rep", password="pw", home_unit=districts["en"][0]
    )
    RoleAssignment.objects.create(
        user=representative,
        role=Role.ENVIRONMENTAL_REPRESENTATIVE,
        unit=districts["en"][0],
    )
    users["district representative"] = representative
    text = sum(len(row.content) for row in rows)
    return {"documents": len(documents), "versions": len(rows), "text": text, "users": users}


def previous_search(queryset, text: str):
    """The search before full-text search: icontains over fields and joined versions."""
    from django.db.models import Q

    query = Q()
    for field in ("code", "title", "description", "versions__content", "versions__file_name"):
        query |= Q(**{f"{field}__icontains": text})
    return queryset.filter(query).distinct()


def page_cost(user, text: str, search, runs: int) -> tuple[float, int]:
    """Median seconds for the count and the first 25 rows, and the count."""
    from zist.documents.models import Document

    timings, count = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        found = search(Document.objects.restrict(user, "view"), text)
        count = found.count()
        list(found[:25])
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), count


def set_indexes(present: bool) -> float:
    """Create or drop the search's GIN indexes; seconds taken."""
    from django.db import connection

    migration = importlib.import_module("zist.documents.migrations.0004_search_indexes")
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for sql in migration.create_sql() if present else migration.drop_sql():
            cursor.execute(sql)
        cursor.execute("ANALYZE documents_document")
        cursor.execute("ANALYZE documents_documentversion")
    return time.perf_counter() - started


def index_sizes() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_pretty(sum(pg_relation_size(indexrelid))) FROM pg_stat_user_indexes "
            "WHERE indexrelname LIKE 'documents_%_words_%'"
        )
        return cursor.fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--url", default="postgresql://postgres@127.0.0.1:5432/zist_bench_documents"
    )
    parser.add_argument("--versions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    configure(args.database, args.url, sqlite_folder="documents-sqlite")

    from zist.documents.search import search_documents

    started = time.perf_counter()
    data = build(args.versions)
    print(
        f"{data['documents']} documents, {data['versions']} versions, "
        f"{data['text'] / 1e6:.1f} MB of text, built in {time.perf_counter() - started:.1f} s"
    )
    variants = [("previous", previous_search)]
    if args.database == "postgresql":
        set_indexes(False)
        variants.append(("ranked, no GIN", search_documents))
    else:
        variants.append(("contains", search_documents))
    results = {}
    for user_label, user in data["users"].items():
        for label, text in QUERIES:
            for variant, search in variants:
                # Without its indexes the ranked search takes half a minute: run it once.
                runs = 1 if variant == "ranked, no GIN" else args.runs
                results[user_label, label, variant] = page_cost(user, text, search, runs)
    if args.database == "postgresql":
        built = set_indexes(True)
        print(f"GIN indexes built in {built:.1f} s, {index_sizes()} on disk")
        variants.append(("ranked, GIN", search_documents))
        for user_label, user in data["users"].items():
            for label, text in QUERIES:
                results[user_label, label, "ranked, GIN"] = page_cost(
                    user, text, search_documents, args.runs
                )

    names = [variant for variant, _search in variants]
    print()
    print("| user | query | matches | " + " | ".join(f"{n} (ms)" for n in names) + " |")
    print("|---|---|---:|" + "---:|" * len(names))
    for user_label in data["users"]:
        for label, text in QUERIES:
            count = results[user_label, label, names[-1]][1]
            cells = " | ".join(f"{results[user_label, label, n][0] * 1000:.0f}" for n in names)
            print(f"| {user_label} | {label} `{text}` | {count} | {cells} |")


if __name__ == "__main__":
    main()
