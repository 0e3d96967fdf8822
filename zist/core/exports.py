"""CSV and XLSX downloads of a filtered list (every row, not one page).

XLSX cells are real numbers, dates and date-times (a spreadsheet can sum and sort them),
shown in the user's calendar, and the sheet runs right to left for a right-to-left
language. CSV is written the way the user's spreadsheet reads it: Excel in Danish or
Finnish (any language whose decimal mark is a comma) splits columns at `;` and reads
`1234,5`; elsewhere `,` and `1234.5`. Numbers are never grouped and digits are Latin,
so that every spreadsheet computes with them; dates are ISO (2026-12-03), which Excel
reads in every language, or Jalali text (1405/09/12) for a Jalali user. Decision 0009.
Zist's imports read both files back (`zist.core.imports`).

A file is written whole, into a temporary file, before the first byte is sent
(decision 0026): the response then states its length (`Content-Length`, which every
browser and HTTP client checks, so a cut download shows as failed and never as a
complete file) and its rows (`X-Zist-Rows`), and an error while writing is an error
page, never a file that stops early. A list with more rows than
ZIST_EXPORT_BACKGROUND_ROWS is written by a background job instead (the jobs app
installs how with `set_background`), and the person downloads it from the job's page.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Callable
from decimal import Decimal

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from zist.core import calendars, numbers
from zist.core.tables import Table

FORMATS = ("csv", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Progress is reported (in a job) every this many rows.
PROGRESS_EVERY = 2000
# Excel's number formats; "[$-fa-IR,16]" asks for the Persian (Jalali) calendar.
XLSX_DATE = {calendars.GREGORIAN: "yyyy-mm-dd", calendars.JALALI: "[$-fa-IR,16]yyyy/mm/dd;@"}
XLSX_DATETIME = {
    calendars.GREGORIAN: "yyyy-mm-dd hh:mm",
    calendars.JALALI: "[$-fa-IR,16]yyyy/mm/dd hh:mm;@",
}

# Text a spreadsheet program runs as a formula when it opens a CSV file (OWASP "CSV
# injection"): it starts with one of these, also after spaces.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A CSV cell that opens as the text it holds: formula-like text gets a leading
    apostrophe (shown by no spreadsheet, removed by none). Numbers stay numbers."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_safe(sheet, row: list) -> list:
    """An XLSX row whose text cells stay text: openpyxl writes a string starting with
    "=" as a live formula unless the cell is typed as a string."""
    cells = []
    for value in row:
        if isinstance(value, str) and value.startswith("="):
            value = WriteOnlyCell(sheet, value)
            value.data_type = "s"
        cells.append(value)
    return cells


def csv_delimiter(lang: str | None = None) -> str:
    """`;` where the decimal mark is a comma (Excel's list separator there), else `,`."""
    return ";" if numbers.convention(lang).decimal == "," else ","


def csv_cell(value) -> str:
    """One exported value as text for the user's spreadsheet (see the module)."""
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int | float | Decimal):
        return numbers.format_number(value, grouping=False, digits=calendars.LATIN_DIGITS)
    if isinstance(value, dt.datetime):
        if calendars.active_calendar() == calendars.JALALI:
            return calendars.to_latin_digits(calendars.format_datetime(value))
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        if calendars.active_calendar() == calendars.JALALI:
            return calendars.to_latin_digits(calendars.format_date(value))
        return value.isoformat()
    return str(value)


def xlsx_cell(sheet, value):
    """A real typed cell: dates and date-times with a format in the user's calendar."""
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(sheet, value)
        formats = XLSX_DATETIME if isinstance(value, dt.datetime) else XLSX_DATE
        cell.number_format = formats[calendars.active_calendar()]
        return cell
    return value


def write_csv(table: Table, handle, progress: Callable | None = None) -> int:
    """Write the table's rows as CSV into the binary file `handle`; the rows written."""
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=False)
    try:
        # A byte-order mark lets spreadsheet programs read Persian and Danish.
        text.write("\ufeff")
        writer = csv.writer(text, delimiter=csv_delimiter())
        writer.writerow([csv_safe(value) for value in table.export_header()])
        count = 0
        for row in table.export_rows():
            # Escaped before formatting: a negative number stays a number.
            writer.writerow([csv_cell(csv_safe(value)) for value in row])
            count += 1
            if progress and count % PROGRESS_EVERY == 0:
                progress(count)
        text.flush()
    finally:
        text.detach()
    return count


def write_xlsx(table: Table, handle, title: str, progress: Callable | None = None) -> int:
    """Write the table's rows as XLSX into the binary file `handle`; the rows written.
    openpyxl's write-only sheet keeps its rows in a temporary file, not in memory."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.sheet_view.rightToLeft = translation.get_language_bidi()
    sheet.append(xlsx_safe(sheet, table.export_header()))
    count = 0
    for row in table.export_rows():
        sheet.append([xlsx_cell(sheet, value) for value in xlsx_safe(sheet, row)])
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
    workbook.save(handle)
    return count


def write(table: Table, fmt: str, handle, title: str, progress: Callable | None = None) -> int:
    """The export in `fmt` written into `handle`; the number of rows."""
    if fmt == "csv":
        return write_csv(table, handle, progress)
    return write_xlsx(table, handle, title, progress)


# How a large export goes to the background: set by zist.jobs (its AppConfig.ready).
_background: Callable | None = None


def set_background(queue: Callable | None) -> None:
    """`queue(request, fmt=..., title=..., source=...)` returns the response that
    queues the export of this request as a job (a redirect to its page), or None."""
    global _background
    _background = queue


def in_background(request) -> bool:
    """Whether this request is a job writing an export (not a person waiting)."""
    return getattr(request, "export_job", None) is not None


def export(request, table: Table, basename: str, fmt: str, title: str = "") -> HttpResponse:
    """The table as a file: written now when it is small (or this is the job writing
    it), else queued as a job for the person (see the module)."""
    if _background is not None and not in_background(request):
        if table.queryset.count() > settings.ZIST_EXPORT_BACKGROUND_ROWS:
            later = _background(request, fmt=fmt, title=str(title or basename), source=table.model)
            if later is not None:
                return later
    report = getattr(request, "export_progress", None)  # a job's progress bar
    progress = None
    if report is not None:
        total = max(table.queryset.count(), 1)

        def progress(rows: int) -> None:
            report(rows / total)

    return file_response(table, basename, fmt, progress)


def file_response(table: Table, basename: str, fmt: str, progress=None) -> FileResponse:
    """The whole file written first (a temporary file: constant memory), then sent
    with its length and its number of rows."""
    filename = f"{basename}-{timezone.localdate().isoformat()}.{fmt}"
    handle = tempfile.TemporaryFile()
    try:
        rows = write(table, fmt, handle, basename, progress)
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    # FileResponse sends Content-Length from the file's size and closes it after.
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type=CONTENT_TYPES[fmt]
    )
    response["X-Zist-Rows"] = str(rows)
    return response
