"""CSV and XLSX downloads of a filtered list (every row, not one page).

XLSX cells are real numbers, dates and date-times (a spreadsheet can sum and sort them),
shown in the user's calendar, and the sheet runs right to left for a right-to-left
language. CSV is written the way the user's spreadsheet reads it: Excel in Danish or
Finnish (any language whose decimal mark is a comma) splits columns at `;` and reads
`1234,5`; elsewhere `,` and `1234.5`. Numbers are never grouped and digits are Latin,
so that every spreadsheet computes with them; dates are ISO (2026-12-03), which Excel
reads in every language, or Jalali text (1405/09/12) for a Jalali user. Decision 0009.
Zist's imports read both files back (`zist.core.imports`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from zist.core import calendars, numbers
from zist.core.tables import Table

FORMATS = ("csv", "xlsx")
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


class _Echo:
    def write(self, value: str) -> str:
        return value


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


def export(table: Table, basename: str, fmt: str) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    filename = f"{basename}-{stamp}.{fmt}"
    if fmt == "csv":
        writer = csv.writer(_Echo(), delimiter=csv_delimiter())
        # The rows are written while the response streams, after the view returned:
        # keep the request's language and calendar for them.
        lang, calendar = translation.get_language(), calendars.active_calendar()

        def lines():
            with translation.override(lang), calendars.override(calendar):
                # A byte-order mark lets spreadsheet programs read Persian and Danish.
                yield "\ufeff"
                yield writer.writerow([csv_safe(value) for value in table.export_header()])
                for row in table.export_rows():
                    # Escaped before formatting: a negative number stays a number.
                    yield writer.writerow([csv_cell(csv_safe(value)) for value in row])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=basename[:31])
        sheet.sheet_view.rightToLeft = translation.get_language_bidi()
        sheet.append(xlsx_safe(sheet, table.export_header()))
        for row in table.export_rows():
            sheet.append([xlsx_cell(sheet, value) for value in xlsx_safe(sheet, row)])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
