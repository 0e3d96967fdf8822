"""The document search: numbers, titles, descriptions and the text of versions (typed,
or read from their file).

On PostgreSQL a search is both a ranked full-text search and the plain "contains"
match: documents whose words match (word forms too: "audits" finds "audit"; the query
is read as in a web search engine: "quoted words" are a phrase, -word excludes, or
offers alternatives) come first, best first (a word in the number or title counts more
than in the description, which counts more than in the newest version's text), then
documents that only contain the typed characters somewhere (a number fragment such as "EMS-0", a Persian word inside a longer
compound). Each document's words are read in its organisation's language. GIN indexes
(migration 0004) let the words of versions be looked up instead of read.

On SQLite (the embedded database) a search is the "contains" match alone, in the
documents' usual order.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, SearchVectorExact
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat

from zist.documents.models import DocumentVersion

# PostgreSQL's text search configurations for our languages; Persian has none, so its
# words are matched as written ("simple").
CONFIGS = {"en": "english", "da": "danish", "fi": "finnish"}


def text_search_config(language: str) -> str:
    return CONFIGS.get(language, "simple")


# How much a word counts for the rank, by where it stands (A most, then B, C, D).
WEIGHTS = {"code": "A", "title": "A", "description": "B"}
VERSION_WEIGHT = "C"


def version_vector(config: str):
    """The words of a version. Migration 0004 indexes exactly this expression for each
    configuration: keep the two in step, or every search reads every version again."""
    return SearchVector("content", "file_text", config=config)


def search_documents(
    documents: QuerySet,
    text: str,
    versions: QuerySet,
    fields: tuple[str, ...] = ("code", "title", "description"),
) -> QuerySet:
    """`documents` that match `text` in their `fields` or in the text of `versions`,
    ranked on PostgreSQL. Only narrows `documents`: a queryset restricted to what a
    user may see stays so.

    `versions` are those whose text the searcher may read (`readable_versions`), never
    all: a document found by a word of a draft the user cannot open would tell the
    draft's words, letter by letter, to whoever searches for their beginnings."""
    text = text.strip()
    if not text:
        return documents
    contains = Q()
    for field in fields:
        contains |= Q(**{f"{field}__icontains": text})
    in_text = Q(content__icontains=text) | Q(file_text__icontains=text)
    in_text |= Q(file_name__icontains=text)
    # A user who sees a few documents should read only their versions' text; each
    # database needs the subquery in its own shape for that. `id`, not `pk`: the list
    # "as of" a past date searches a history table, whose primary key is its row's.
    if connections[documents.db].vendor != "postgresql":
        # SQLite looks up the versions of the listed documents by index.
        of_documents = versions.filter(in_text, document_id__in=documents.order_by().values("id"))
        return documents.filter(contains | Q(id__in=of_documents.values("document_id")))
    # PostgreSQL would turn an IN or EXISTS into one pass over every version, but runs
    # a subquery with a LIMIT per document.
    of_document = versions.filter(in_text, document_id=OuterRef("id")).order_by()
    contains |= Q(Subquery(of_document.values(found=Value(True))[:1], output_field=BooleanField()))
    return _ranked(documents, text, versions, fields, contains)


def readable_versions(user) -> QuerySet:
    """The versions whose text `user` may search: those they may view."""
    return DocumentVersion.objects.restrict(user, "view")


def _ranked(documents, text, versions, fields, contains):
    # The rank reads the newest version's text only: reading every version of every
    # match again costs seconds on a common word (benchmarks/documents_search.py), and
    # older versions mostly repeat it. A word found only in an older version still
    # finds the document, ranked after those whose current text has it.
    newest_text = Subquery(
        versions.filter(document_id=OuterRef("id"))
        .order_by("-number")
        .annotate(text=Concat("content", Value(" "), "file_text", output_field=TextField()))
        .values("text")[:1]
    )
    language = "unit__organisation__language"
    matches, ranks = Q(), []
    for code, _name in settings.LANGUAGES:
        config = text_search_config(code)
        query = SearchQuery(text, config=config, search_type="websearch")
        in_versions = versions.filter(SearchVectorExact(version_vector(config), query))
        match = Q(**{language: code}) & (
            Q(SearchVectorExact(SearchVector(*fields, config=config), query))
            | Q(id__in=in_versions.values("document_id"))
        )
        matches |= match
        weighted = SearchVector(newest_text, config=config, weight=VERSION_WEIGHT)
        for field in fields:
            weighted = SearchVector(field, config=config, weight=WEIGHTS[field]) + weighted
        ranks.append(When(match, then=SearchRank(weighted, query)))
    return (
        documents.filter(matches | contains)
        .annotate(
            word_match=ExpressionWrapper(matches, output_field=BooleanField()),
            rank=Case(*ranks, default=Value(0.0)),
        )
        .order_by(F("word_match").desc(), F("rank").desc(), "code", "id")
    )
