"""What may be uploaded: checked by content, not by the name the browser sent."""

from __future__ import annotations

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Detected kind → (allowed extensions, MIME type served). No HTML or SVG: a browser
# would run their scripts when the file is opened.
BINARY_TYPES = {
    "pdf": ({"pdf"}, "application/pdf"),
    "png": ({"png"}, "image/png"),
    "jpg": ({"jpg", "jpeg"}, "image/jpeg"),
    "gif": ({"gif"}, "image/gif"),
    "webp": ({"webp"}, "image/webp"),
    "tif": ({"tif", "tiff"}, "image/tiff"),
    "heic": ({"heic"}, "image/heic"),
    "docx": ({"docx"}, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xlsx": ({"xlsx"}, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "pptx": ({"pptx"}, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    "odt": ({"odt"}, "application/vnd.oasis.opendocument.text"),
    "ods": ({"ods"}, "application/vnd.oasis.opendocument.spreadsheet"),
    "doc": ({"doc"}, "application/msword"),
    "xls": ({"xls"}, "application/vnd.ms-excel"),
    "mp4": ({"mp4"}, "video/mp4"),
}
TEXT_TYPES = {"txt": "text/plain", "csv": "text/csv", "md": "text/plain"}
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"}


def allowed_extensions() -> list[str]:
    extensions = set(TEXT_TYPES)
    for names, _mime in BINARY_TYPES.values():
        extensions |= names
    return sorted(extensions)


def check_upload(upload) -> str:
    """Validate an uploaded file; return the MIME type to store. Raises ValidationError
    with a message for the user when the file is too large or not an allowed type."""
    limit = settings.ZIST_ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    refused = ValidationError(
        _("This type of file is not accepted. Accepted: %(types)s.")
        % {"types": ", ".join(allowed_extensions())},
        code="type",
    )
    if kind is not None:
        entry = BINARY_TYPES.get(kind.extension)
        if entry is None or extension not in entry[0]:
            raise refused
        return entry[1]
    if extension in TEXT_TYPES and _is_text(upload):
        return TEXT_TYPES[extension]
    raise refused


def _is_text(upload) -> bool:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    lowered = text[:2048].lower()
    return "<html" not in lowered and "<script" not in lowered and "<svg" not in lowered
