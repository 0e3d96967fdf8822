"""Uploads limited while they stream in: beyond the largest size Zist accepts (an
evidence file or a spreadsheet import), no byte of a file is kept in memory or on disk.
The form then sees a file of the size that was sent, with no content, and refuses it
with its usual "the file is X; the limit is Y"."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler


def upload_limit() -> int:
    """The largest file any form of Zist accepts."""
    return max(settings.ZIST_ATTACHMENT_MAX_BYTES, settings.ZIST_IMPORT_MAX_BYTES)


class OversizedUpload(UploadedFile):
    """What is left of a file sent beyond the limit: its name and real size only."""

    def __init__(self, name: str, content_type: str, size: int):
        super().__init__(file=None, name=name, content_type=content_type, size=size)

    def open(self, mode=None):
        return self

    def read(self, *args, **kwargs) -> bytes:
        return b""

    def seek(self, *args) -> int:
        return 0

    def chunks(self, chunk_size=None):
        return iter(())


class LimitedUploadHandler(FileUploadHandler):
    """First of the upload handlers: passes each chunk on to the memory or temporary
    file handler until the file passes the limit, then drops the rest."""

    def new_file(self, field_name, file_name, content_type, content_length, *args, **kwargs):
        super().new_file(field_name, file_name, content_type, content_length, *args, **kwargs)
        self.limit = upload_limit()
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        return raw_data if self.received <= self.limit else None

    def file_complete(self, file_size):
        if self.received <= self.limit:
            return None  # the next handler holds the whole file
        return OversizedUpload(self.file_name, self.content_type, self.received)
