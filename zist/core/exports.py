"""CSV and XLSX downloads of a filtered list (every row, not one page)."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook

from zist.core.tables import Table

FORMATS = ("csv", "xlsx")


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
            yield writer.writerow(table.export_header())
            for row in table.export_rows():
                yield writer.writerow(row)

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    else:
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=basename[:31])
        sheet.append(table.export_header())
        for row in table.export_rows():
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
