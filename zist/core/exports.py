"""CSV and XLSX downloads of a filtered list (every row, not one page)."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from zist.core.tables import Table

FORMATS = ("csv", "xlsx")

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


def export(table: Table, basename: str, fmt: str) -> HttpResponse:
    stamp = timezone.localdate().isoformat()
    filename = f"{basename}-{stamp}.{fmt}"
    if fmt == "csv":
        writer = csv.writer(_Echo())

        def lines():
            # A byte-order mark lets spreadsheet programs read Persian and Danish text.
            yield "\ufeff"
            yield writer.writerow([csv_safe(value) for value in table.export_header()])
            for row in table.export_rows():
                yield writer.writerow([csv_safe(value) for value in row])

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=basename[:31])
        sheet.append(xlsx_safe(sheet, table.export_header()))
        for row in table.export_rows():
            sheet.append(xlsx_safe(sheet, row))
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
