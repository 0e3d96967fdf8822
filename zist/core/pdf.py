"""PDF of a page, from the page's own template (decision 0010).

A page template extends `{{ base_template|default:"base.html" }}`; `render_pdf` renders
it with `base_template` set to the print base (`core/print_base.html`), which drops the
menu and forms, sets A4 pages with the organisation's name (and logo) in the running
header, "page X of Y" in the reader's language and digits at the foot, repeats table
headers on every page and sets Persian in the shipped Vazirmatn. Numbers and dates are
whatever the page's template writes through `znum`/`zdate`, so a Persian reader gets
Jalali dates and Persian digits in the PDF as on the page.

WeasyPrint fetches stylesheets, fonts and images only through `OfflineFetcher`: Zist's
own static files and `data:` URLs; anything else (another host, `file:`, a path outside
static) is refused and never fetched, so a PDF never reaches the internet.

A long render (the statement, the master plan, a long list) is handed to the background
with `pdf_later`: the jobs app registers how (`set_background`, decision 0020), and runs
the same view again in the job with the asking person's user, language and host; core
itself knows no app.
"""

from __future__ import annotations

import base64
import functools
import html
import io
import logging
import mimetypes
import posixpath
import re
import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import arabic_reshaper
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from fontTools.ttLib import woff2
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from zist.core import calendars

PRINT_BASE = "core/print_base.html"
logger = logging.getLogger("zist.pdf")


class RefusedFetch(ValueError):
    """A PDF asked for something that is not one of Zist's own static files."""


class OfflineFetcher(URLFetcher):
    """WeasyPrint's fetcher for one render: serves the static files of this Zist (found
    as `collectstatic` would) and `data:` URLs, refuses everything else. `refused`
    lists what was refused (WeasyPrint then renders without it and logs a warning)."""

    def __init__(self, origin: str):
        super().__init__(allowed_protocols=("http", "https", "data"))
        self.origin = origin.rstrip("/")
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            # Decoded by urllib's data handler: no network.
            return super().fetch(url, headers)
        path = self.static_path(url)
        if path is None:
            self.refused.append(url)
            logger.warning("PDF: refused to fetch %s", url)
            raise RefusedFetch(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".woff2":
            body = decompressed_font(str(path), path.stat().st_mtime_ns)
            return URLFetcherResponse(url, body=body, headers={"Content-Type": "font/ttf"})
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )

    def static_path(self, url: str) -> Path | None:
        """The file behind one of our static URLs, or None."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            return None
        path = unquote(parts.path)
        if not path.startswith(settings.STATIC_URL):
            return None
        relative = posixpath.normpath(path[len(settings.STATIC_URL) :])
        if relative.startswith(("..", "/")) or relative == ".":
            return None
        try:
            found = finders.find(relative)
        except SuspiciousFileOperation:
            return None
        if not found:
            collected = (Path(settings.STATIC_ROOT) / relative).resolve()
            if not collected.is_relative_to(Path(settings.STATIC_ROOT).resolve()):
                return None
            found = str(collected) if collected.is_file() else None
        return Path(found) if found else None


@functools.lru_cache(maxsize=16)
def decompressed_font(path: str, mtime_ns: int) -> bytes:
    """A shipped WOFF2 font as plain TrueType, decompressed once per process (keyed by
    its modification time): WeasyPrint would decompress it in Python on every render,
    about 0.2 s per face, a tenth of the statement's render."""
    out = io.BytesIO()
    with open(path, "rb") as handle:
        woff2.decompress(handle, out)
    return out.getvalue()


# One font configuration per thread, reused by every render on it: the faces of
# pdf.css are loaded into fontconfig and Pango once, not once per PDF. (Not shared
# between threads: Pango's font map is not thread-safe.)
_fonts = threading.local()


def font_configuration() -> FontConfiguration:
    config = getattr(_fonts, "config", None)
    if config is None:
        config = _fonts.config = FontConfiguration()
    return config


def css_string(text: str) -> str:
    """`text` as a CSS string literal, safe inside a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\A ")
    return '"' + escaped.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def page_label_css() -> str:
    """CSS `content` for "Page X of Y" in the active language and digits."""
    style = "persian" if calendars.active_digits() == calendars.PERSIAN_DIGITS else "decimal"
    marker = "\x00"
    text = _("Page %(page)s of %(pages)s") % {
        "page": f"{marker}page{marker}",
        "pages": f"{marker}pages{marker}",
    }
    parts = []
    for index, piece in enumerate(text.split(marker)):
        if index % 2:
            parts.append(f"counter({piece}, {style})")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def logo_data_uri(organisation) -> str:
    """The organisation's logo as a data: URL (read from storage here, so the renderer
    fetches nothing), or "" when it has none."""
    logo = getattr(organisation, "logo", None)
    if not logo:
        return ""
    try:
        with logo.open("rb") as handle:
            data = handle.read()
    except (OSError, ValueError):
        return ""
    content_type = mimetypes.guess_type(logo.name)[0] or "application/octet-stream"
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def print_context(request, title: str, organisation=None, landscape: bool = False) -> dict:
    """What the print base shows around the page's content."""
    if organisation is None:
        organisation = getattr(getattr(request, "user", None), "organisation", None)
    printed = calendars.format_date(timezone.localdate())
    return {
        "title": title,
        "organisation": organisation,
        "landscape": landscape,
        "logo": logo_data_uri(organisation),
        "page_label": mark_safe(page_label_css()),
        "printed": mark_safe(css_string(_("Printed %(date)s") % {"date": printed})),
    }


# WeasyPrint draws SVG <text> one code point at a time, left to right (WeasyPrint issue
# 2909): Persian in a drawing would come out unjoined and backwards. For the PDF, such
# text is given already shaped (Arabic presentation forms, arabic-reshaper) and in the
# order it is drawn. Pages in the browser keep the logical text.
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LTR_WORD = "[0-9A-Za-z\u00c0-\u024f\u0660-\u0669\u06f0-\u06f9]+"
# Numbers and Latin words keep their own order inside a right-to-left line ("۱۴۰۵/۰۱/۰۱",
# "PM2.5", "12,5").
_LTR_RUN = re.compile(f"{_LTR_WORD}(?:[.,/:%٫٬-]{_LTR_WORD})*%?")
_MIRRORED = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_SVG_TEXT = re.compile(r"(<(?:text|tspan)\b[^>]*>)([^<]+)")


def visual_rtl(text: str) -> str:
    """A right-to-left line as drawn from left to right: letters joined (presentation
    forms), right-to-left runs reversed with their brackets mirrored, numbers and Latin
    words kept as they read. Enough for a drawing's labels, not a bidi algorithm."""
    shaped = arabic_reshaper.reshape(text)
    runs, position = [], 0
    for match in _LTR_RUN.finditer(shaped):
        runs.append(shaped[position : match.start()][::-1].translate(_MIRRORED))
        runs.append(match.group())
        position = match.end()
    runs.append(shaped[position:][::-1].translate(_MIRRORED))
    return "".join(reversed(runs))


def svg_text_for_print(markup: str) -> str:
    """`markup` with the Persian text of its inline SVG drawings made drawable by
    WeasyPrint (see `visual_rtl`)."""

    def fix(match) -> str:
        text = html.unescape(match.group(2))
        if not _ARABIC_SCRIPT.search(text):
            return match.group(0)
        return match.group(1) + html.escape(visual_rtl(text), quote=False)

    return _SVG_TEXT.sub(fix, markup)


def render_html(
    request,
    template_name: str,
    context: dict,
    *,
    title: str,
    organisation=None,
    landscape: bool = False,
) -> str:
    """The page's template rendered on the print base (HTML text)."""
    organisation = organisation or context.get("organisation")
    markup = render_to_string(
        template_name,
        {
            **context,
            "base_template": PRINT_BASE,
            "pdf": print_context(request, title, organisation, landscape),
        },
        request=request,
    )
    return svg_text_for_print(markup)


# How a long render goes to the background: set by zist.jobs (its AppConfig.ready).
_background: Callable | None = None


def set_background(queue: Callable | None) -> None:
    """`queue(request, title=..., source=...)` returns the response that queues the PDF
    of this request as a job (a redirect to its page)."""
    global _background
    _background = queue


def in_background(request) -> bool:
    """Whether this request is a job rendering a PDF (not a person waiting for it)."""
    return getattr(request, "pdf_job", None) is not None


def pdf_later(request, *, title: str, source=None) -> HttpResponse | None:
    """The response that queues this PDF as a background job, or None when it is to be
    rendered now (inside that job, or when no background is installed). `source` (a
    record, or a model for a list) is checked again when the file is downloaded."""
    if _background is None or in_background(request):
        return None
    return _background(request, title=str(title), source=source)


def _progress(request, fraction: float) -> None:
    report = getattr(request, "pdf_progress", None)
    if report is not None:
        report(fraction)


def render_pdf(
    request,
    template_name: str,
    context: dict,
    *,
    title: str,
    organisation=None,
    landscape: bool = False,
) -> bytes:
    """The PDF of the page `template_name` renders with `context` (A4, fonts shipped,
    nothing fetched from the internet). `organisation` (default: the context's
    `organisation`, else the user's) names the running header; `landscape` turns every
    page (a wide part alone goes landscape in a `<div class="pdf-wide">`)."""
    html = render_html(
        request,
        template_name,
        context,
        title=title,
        organisation=organisation,
        landscape=landscape,
    )
    _progress(request, 0.4)
    origin = request.build_absolute_uri("/")
    fetcher = OfflineFetcher(origin)
    document = HTML(string=html, base_url=origin, url_fetcher=fetcher).render(
        font_config=font_configuration()
    )
    _progress(request, 0.9)
    return document.write_pdf()


def pdf_response(
    request,
    template_name: str,
    context: dict,
    *,
    filename: str,
    title: str,
    organisation=None,
    landscape: bool = False,
) -> HttpResponse:
    """The page as a PDF download, shown in the browser's viewer (`inline`)."""
    content = render_pdf(
        request,
        template_name,
        context,
        title=title,
        organisation=organisation,
        landscape=landscape,
    )
    response = HttpResponse(content, content_type="application/pdf")
    if not filename.lower().endswith(".pdf"):
        filename += ".pdf"
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response


def record_organisation(obj):
    """The organisation a record belongs to (through its unit), or None."""
    for name in ("organisation", "unit"):
        value = getattr(obj, name, None)
        if name == "organisation" and value is not None and not hasattr(value, "organisation"):
            return value
        if value is not None and hasattr(value, "organisation"):
            return value.organisation
    return None


def wants_pdf(request) -> bool:
    """Whether a page was asked for as a PDF (`?format=pdf`)."""
    return request.GET.get("format") == "pdf"
