"""Crawl the demo with Django's test client and read every page as a person would.

Shared by the crawl tests (zist/core/tests/test_crawl.py: no English on a Persian,
Danish or Finnish page, no Latin digits in Persian sentences, no Gregorian date for a
Jalali user, no float noise; no link to a 404 or a 500, none to a 403 either) and by
any other test that wants to visit "every page": `Crawl(client, "/fa/").run()`.

The crawl is bounded so that it stays fast on a small machine: every link is checked
once, but pages are fetched and read only for a few URLs of each URL pattern (a list,
a sample of details, forms, history and as-of pages of each register). A link that
resolves to no URL pattern is a 404 without asking the server.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.urls import Resolver404, resolve

# Paths that are no pages to read: files, the API itself (its docs page is read), the
# language switch (a form), logging out ends the crawl's session.
NOT_PAGES = re.compile(r"^/(files|static|media|api/(?!docs/$)|i18n)/|/logout/$")
# Query parameters that make a file, not a page.
FILE_PARAMETERS = frozenset({"export", "format", "download"})


@dataclass
class Page:
    url: str
    status: int
    texts: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    lang: str = ""
    dir: str = ""


class _Reader(HTMLParser):
    """The text a person reads (text nodes and the attributes read out or shown) and
    the links of one page."""

    SKIP = frozenset({"script", "style", "template", "noscript"})
    READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self.lang = self.dir = ""
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.lang, self.dir = attributes.get("lang") or "", attributes.get("dir") or ""
        if tag in self.SKIP:
            self._skipping += 1
            return
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        for name in self.READ_ATTRIBUTES:
            if (attributes.get(name) or "").strip():
                self.texts.append(attributes[name].strip())
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            if (attributes.get("value") or "").strip():
                self.texts.append(attributes["value"].strip())

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if not self._skipping and data.strip():
            self.texts.append(" ".join(data.split()))


def read(html: str) -> tuple[list[str], list[str], str, str]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.texts, reader.links, reader.lang, reader.dir


def pattern_of(path: str) -> str | None:
    """The URL pattern a path resolves to (its route), None for a 404."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route or match.view_name


class Crawl:
    """Visit pages from `start`, breadth first, as the client's user.

    `per_pattern`: how many pages of one URL pattern (and one set of query parameter
    names) are fetched and read; links beyond it are still checked if `check_links`
    (each distinct link once, up to `links_per_pattern` per pattern)."""

    def __init__(
        self,
        client,
        start: str,
        *,
        per_pattern: int = 1,
        check_links: bool = False,
        links_per_pattern: int = 1,
        limit: int = 2000,
        extra: tuple[str, ...] = (),
    ):
        self.client = client
        self.start = start
        self.prefix = "/" + start.strip("/").split("/")[0] + "/"
        self.per_pattern = per_pattern
        self.check_links = check_links
        self.links_per_pattern = links_per_pattern
        self.limit = limit
        self.extra = extra
        self.pages: list[Page] = []
        self.statuses: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        # link → the first page it was seen on
        self.found_on: dict[str, str] = {}
        self._read: Counter = Counter()
        self._checked: Counter = Counter()

    def key(self, url: str) -> tuple | None:
        parts = urlsplit(url)
        pattern = pattern_of(parts.path)
        if pattern is None:
            return None
        names = tuple(sorted({name for name, _ in parse_qsl(parts.query) if name != "page"}))
        return pattern, names

    def is_page(self, url: str) -> bool:
        parts = urlsplit(url)
        if NOT_PAGES.search(parts.path):
            return False
        if any(name in FILE_PARAMETERS for name, _ in parse_qsl(parts.query)):
            return False
        return parts.path.startswith(self.prefix) or parts.path == "/api/docs/"

    def wanted(self, url: str) -> bool:
        """Whether to read this page (all by default; a crawl may skip kinds of pages
        that another crawl reads)."""
        return True

    def fetch(self, url: str):
        started = time.perf_counter()
        response = self.client.get(url)
        self.seconds[url] = time.perf_counter() - started
        self.statuses[url] = response.status_code
        return response

    def run(self) -> Crawl:
        queue = [self.start, *self.extra]
        seen = set(queue)
        while queue and len(self.pages) < self.limit:
            url = queue.pop(0)
            response = self.fetch(url)
            content_type = response.get("Content-Type", "")
            if response.status_code != 200 or "html" not in content_type:
                continue
            body = b"".join(response.streaming_content) if response.streaming else response.content
            texts, links, lang, direction = read(body.decode())
            page = Page(url, response.status_code, texts, [], lang, direction)
            self.pages.append(page)
            for href in links:
                link = self._normalise(url, href)
                if link is None:
                    continue
                page.links.append(link)
                self.found_on.setdefault(link, url)
                if link in seen:
                    continue
                seen.add(link)
                key = self.key(link)
                if key is None:
                    self.statuses[link] = 404
                    continue
                if self.is_page(link) and self.wanted(link) and self._read[key] < self.per_pattern:
                    self._read[key] += 1
                    self._checked[key] += 1
                    queue.append(link)
                elif self.check_links and self._checked[key] < self.links_per_pattern:
                    self._checked[key] += 1
                    self.fetch(link)
        return self

    def _normalise(self, base: str, href: str) -> str | None:
        """The link as an absolute path with query, None for links off the site (other
        hosts, mailto:, fragments of the same page)."""
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            return None
        parts = urlsplit(urljoin(base, href))
        if parts.netloc and parts.netloc not in {"testserver", "localhost"}:
            return None
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def failures(self, allowed: set[int] = frozenset({200, 302})) -> list[str]:
        """Links answered with a status not in `allowed`, with the page that showed them."""
        return sorted(
            f"{status} {url} (linked from {self.found_on.get(url, 'the start')})"
            for url, status in self.statuses.items()
            if status not in allowed
        )


# ---------------------------------------------------------------- reading the text

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_TO_LATIN = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS + "٫٬", "0123456789" * 2 + ".,")

FLOAT_NOISE = re.compile(r"\d[.,]\d{6,}|[.,]0000\b|\d[.,]\d*(?:0{5,}|9{5,})\d*")

# Latin digits that may stand in Persian text: inside codes and identifiers (D3-E,
# region2-d4, CO2, ISO 14001, EN 50001, PM2.5, ISIC 2394), in JSON (an example of what
# to type in a JSON field, which only takes Latin digits) and in e-mail addresses and
# URLs.
_CODE = re.compile(
    r"[A-Za-z0-9_.\-/@:]*[A-Za-z][A-Za-z0-9_.\-/@:]*\d[A-Za-z0-9_.\-/@:]*"
    r"|[A-Za-z0-9_.\-/@:]*\d[A-Za-z0-9_.\-/@:]*[A-Za-z][A-Za-z0-9_.\-/@:]*"
    r"|\b(?:ISO|EN|EMAS|IEC|ISO/IEC|OHSAS|GRI|SFS|DS|ISIC)[ /-]?\d[\d:./-]*"
    r'|\[?\{"[^\n]*[\]}]'
)
LATIN_NUMBER = re.compile(r"[0-9]+(?:[.,:/-][0-9]+)*")

# A Gregorian date: an ISO date, a date with a 20xx year, a Gregorian month name (in
# Persian too), or a 20xx year in Persian digits.
GREGORIAN = re.compile(
    r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b"
    r"|[۲][۰][۰-۹]{2}(?![۰-۹])"
    r"|\b(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|ژانویه|فوریه|آوریل|ژوئن|ژوئیه|سپتامبر|اکتبر|نوامبر|دسامبر"
)

# Identifiers of code shown as text: snake_case or a capitalised snake_case name.
INTERNAL_NAME = re.compile(r"\b[A-Za-z][a-z0-9]+_[a-z0-9_]+\b")


def float_noise(text: str) -> list[str]:
    return FLOAT_NOISE.findall(text.translate(_TO_LATIN))


def latin_digits_in_persian(text: str) -> list[str]:
    """Latin-digit numbers in a text that reads as Persian, codes aside."""
    if not re.search(r"[\u0600-\u06FF]", text):
        return []
    stripped = _CODE.sub(" ", text)
    stripped = re.sub(r"\S+@\S+|https?://\S+|/\S*", " ", stripped)
    return LATIN_NUMBER.findall(stripped)


def gregorian_dates(text: str) -> list[str]:
    return [m.group(0) for m in GREGORIAN.finditer(_CODE_ONLY.sub(" ", text))]


# Codes in Latin letters and digits (NC-2026-01) are no dates.
_CODE_ONLY = re.compile(r"\b[A-Za-z]+[-_/][A-Za-z0-9_/-]*\d{4}[A-Za-z0-9_/-]*")


# ---------------------------------------------------------------- English words


def english_vocabulary(language: str) -> tuple[dict[str, str], set[str], set[str]]:
    """Zist's English interface texts for a page in `language`: {msgid (lower case):
    its translation}, and the English words of the msgids that no translation into
    `language` uses (Danish "system" or "status" are Danish too)."""
    import polib

    root = Path(__file__).resolve().parent.parent
    translations: dict[str, str] = {}
    translated_words: set[str] = set()
    english_words: set[str] = set()
    for po in root.glob(f"**/locale/{language}/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(po)):
            if entry.obsolete or not entry.msgid:
                continue
            text = entry.msgstr or next(iter(entry.msgstr_plural.values()), "")
            if text or entry.msgid.strip().lower() not in translations:
                translations[entry.msgid.strip().lower()] = text
            english_words.update(w.lower() for w in WORD.findall(entry.msgid) if len(w) > 2)
            for text in (entry.msgstr, *entry.msgstr_plural.values()):
                translated_words.update(w.lower() for w in WORD.findall(text))
    return translations, english_words - translated_words, translated_words


WORD = re.compile(r"[A-Za-z][A-Za-z]+")
# Languages are offered in their own names (the language menu).
ENDONYMS = frozenset({"English", "فارسی", "Dansk", "Suomi", "dansk", "suomi"})


class EnglishDetector:
    """Flags English interface text on a page in `language`.

    A text is English if it is (case aside) one of Zist's English msgids whose
    translation into `language` reads differently, if it holds a name of code
    (snake_case), or if it holds two or more English words of the interface vocabulary
    that no translation into `language` uses."""

    def __init__(self, language: str):
        self.translations, self.english_words, self.own_words = english_vocabulary(language)

    def findings(self, text: str, allowed_texts: frozenset[str] = frozenset()) -> list[str]:
        # Acronyms and codes in capitals (API, MET, ISO) are no English text.
        if text in allowed_texts or text in ENDONYMS or text.isupper():
            return []
        lowered = text.strip().lower().rstrip(":")
        if lowered in self.translations and self.translations[lowered].lower() != lowered:
            # One word the language also uses elsewhere ("Region", "Import") is its own.
            if not (WORD.fullmatch(lowered) and lowered in self.own_words):
                return [text]
        names = [n for n in INTERNAL_NAME.findall(text) if n not in allowed_texts]
        if names:
            return names
        # Acronyms and codes in capitals (API, GAS, ISO) are no English text.
        english = [
            w
            for w in WORD.findall(text)
            if w.lower() in self.english_words and not w.isupper() and w not in allowed_texts
        ]
        if len(english) >= 2 and len(english) * 3 >= len(WORD.findall(text)):
            return [text]
        return []


# Fields whose values are identifiers or names, shown as they were typed in any language.
IDENTIFIER_FIELDS = frozenset(
    {"code", "urn", "username", "first_name", "last_name", "email", "slug", "key"}
)


def data_texts() -> frozenset[str]:
    """Texts of the database that a page may show whatever its language: codes,
    usernames and people's names (with each of their words), and the English variant of
    a translated name (`name_en`), shown as such on the record's own pages."""
    from django.apps import apps
    from django.db import models

    texts: set[str] = {"Zist"}
    for model in apps.get_models():
        if model._meta.label_lower.startswith("historical") or model.__name__.startswith(
            "Historical"
        ):
            continue
        names = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
            and (f.name in IDENTIFIER_FIELDS or f.name.endswith("_en"))
        ]
        for name in names:
            for value in model._base_manager.values_list(name, flat=True).distinct()[:5000]:
                if not value:
                    continue
                texts.add(value)
                texts.add(" ".join(value.split()))
                if name in IDENTIFIER_FIELDS:
                    texts.update(value.split())
    return frozenset(texts)


@dataclass
class Finding:
    problem: str
    text: str
    url: str

    def __str__(self) -> str:
        return f"{self.problem!r} in {self.text[:100]!r} on {self.url}"


def read_pages(pages: list[Page], language: str, jalali: bool, allowed: frozenset[str]):
    """What a person of `language` should not read on these pages: English interface
    text, internal names, float noise; in Persian also Latin digits in sentences and,
    for a Jalali user, Gregorian dates. One finding per problem and text."""
    english = EnglishDetector(language)
    found: dict[tuple[str, str], Finding] = {}
    for page in pages:
        for text in page.texts:
            problems = float_noise(text)
            if language != "en":
                problems += english.findings(text, allowed)
            if language == "fa" and text not in allowed:
                problems += latin_digits_in_persian(text)
            if jalali and text not in allowed:
                problems += gregorian_dates(text)
            for problem in problems:
                found.setdefault((problem, text), Finding(problem, text, page.url))
    return list(found.values())
