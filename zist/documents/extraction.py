"""The text inside an uploaded version file (PDF, DOCX, ODT, plain text), read once
when the version is saved so that the document search finds words that exist only in
the file. What cannot be read (a scanned PDF, a damaged or encrypted file) gives empty
text and a log line: a file that search cannot read must never stop a save.

DOCX and ODT are zip archives of XML and are read with the standard library; PDF needs
pypdf (pure Python).
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from xml.etree import ElementTree

logger = logging.getLogger(__name__)

# PostgreSQL refuses a text search vector over 1 MB; a few hundred pages of text stay
# well below it and are more than anyone searches through.
MAX_CHARS = 300_000
# A zip member this large is a zip bomb, not a procedure.
MAX_XML_BYTES = 50 * 1024 * 1024

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def extract_text(file, name: str) -> str:
    """The text of `file` (a Django file field or file) named `name`, or "" when its type
    holds no searchable text or it cannot be read."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    reader = READERS.get(extension)
    if reader is None:
        return ""
    try:
        text = reader(_read(file))
    except Exception:  # noqa: BLE001 - any damaged or hostile file ends the same way
        logger.warning("Could not read the text of the document file %s", name, exc_info=True)
        return ""
    return _tidy(text)[:MAX_CHARS]


def _read(file) -> bytes:
    """All bytes of the file; an upload not yet stored is rewound so that storing it
    afterwards writes it whole."""
    stored = getattr(file, "_committed", True)
    file.open("rb")
    try:
        return file.read()
    finally:
        if stored:
            file.close()
        else:
            file.seek(0)


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # Many PDFs are "encrypted" only against editing, with an empty password to read.
        reader.decrypt("")
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _zip_member(data: bytes, member: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if archive.getinfo(member).file_size > MAX_XML_BYTES:
            raise ValueError(f"{member} is larger than {MAX_XML_BYTES} bytes")
        return archive.read(member)


def _docx(data: bytes) -> str:
    parts: list[str] = []
    for _event, element in ElementTree.iterparse(
        io.BytesIO(_zip_member(data, "word/document.xml"))
    ):
        if element.tag == f"{W}t":
            parts.append(element.text or "")
        elif element.tag == f"{W}tab":
            parts.append("\t")
        elif element.tag in (f"{W}br", f"{W}p"):
            parts.append("\n")
    return "".join(parts)


def _odt(data: bytes) -> str:
    root = ElementTree.fromstring(_zip_member(data, "content.xml"))
    parts: list[str] = []

    def walk(element) -> None:
        if element.tag == f"{TEXT}s":
            parts.append(" ")
        elif element.tag in (f"{TEXT}tab", f"{TEXT}line-break"):
            parts.append("\n" if element.tag.endswith("line-break") else "\t")
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")
        if element.tag in (f"{TEXT}p", f"{TEXT}h"):
            parts.append("\n")

    walk(root)
    return "".join(parts)


def _plain(data: bytes) -> str:
    # Uploads are accepted as text only when they are UTF-8 (zist.attachments.validation).
    return data.decode("utf-8-sig", errors="replace")


READERS = {"pdf": _pdf, "docx": _docx, "odt": _odt, "txt": _plain, "md": _plain}

_SPACES = re.compile(r"[ \t\r\f\v]+")


def _tidy(text: str) -> str:
    """One space between words, no empty lines; no NUL, which PostgreSQL text refuses."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line)
