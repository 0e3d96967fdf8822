"""Exports sent as whole files (decision 0026): rows read as plain values give what the
records give, the response states its length and rows before the first byte, and an
error while writing is an error page, never a file that merely stops."""

import csv
import datetime as dt
import io

import pytest
from django.utils import translation
from openpyxl import load_workbook

from zist.actions.models import Action
from zist.core import calendars, exports
from zist.core.registry import registers
from zist.users.roles import Role

ACTIONS = "/{lang}/actions/actions/?export={fmt}"


REGISTERS = {r.model._meta.label_lower: r for r in registers()}


@pytest.mark.parametrize("label", sorted(REGISTERS))
def test_values_read_what_the_records_read_in_every_register(label, cast):
    """Each register's permission-matrix records, exported as plain values and as
    records, in Persian (Jalali) and in Danish: the same cells."""
    from zist.core.testing import scenarios

    register, scenario = REGISTERS[label], scenarios()[label]
    scenario.make(cast, cast.inside)
    scenario.make(cast, scenario.outside_unit(cast))
    table = register.table(register.model.objects.all())
    plan = table._value_plan()
    if plan is None:
        pytest.skip("a column needs the record: exported from records")
    for lang, calendar in (("fa", calendars.JALALI), ("da", calendars.GREGORIAN)):
        with translation.override(lang), calendars.override(calendar):
            values = list(table._value_rows(plan))
            assert values == list(table._instance_rows())
            assert len(values) >= 2


class TestValuePlan:
    def test_it_reads_records_where_a_column_needs_one(self):
        from zist.objectives.tables import ObjectiveTable

        assert ObjectiveTable(ObjectiveTable.model.objects.all())._value_plan() is None
        from zist.actions.tables import ActionTable

        plan = ActionTable(Action.objects.all())._value_plan()
        assert plan is not None and plan.count(None) == 5  # unit and owner are named


@pytest.fixture
def actions(cast):
    for number in range(5):
        Action.objects.create(
            unit=cast.inside,
            title=f"Inside {number}",
            progress=number * 10,
            due_date=dt.date(2026, 12, 1 + number),
        )
    Action.objects.create(unit=cast.outside, title="Outside", progress=1)
    return cast


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_states_its_length_and_rows_before_sending(actions, make_user, client, fmt):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, actions.inside, language="fa"))
    response = client.get(ACTIONS.format(lang="fa", fmt=fmt))
    assert response.status_code == 200
    assert response["X-Zist-Rows"] == "5"  # District 3's, not District 4's
    body = _body(response)
    assert int(response["Content-Length"]) == len(body)
    assert response["Content-Disposition"].startswith('attachment; filename="action-')
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        assert {row[0] for row in rows[1:]} == {f"Inside {n}" for n in range(5)}
        # Jalali dates as text with Latin digits, as before (decision 0009).
        assert "1405/09/10" in {row[4] for row in rows[1:]}
    else:
        sheet = load_workbook(io.BytesIO(body)).worksheets[0]
        assert sheet.sheet_view.rightToLeft
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        assert len(rows) == 5 and {row[6] for row in rows} == {0, 10, 20, 30, 40}


def test_an_error_while_writing_is_an_error_page_not_a_file(
    actions, make_user, client, monkeypatch
):
    written, cell = [], exports.csv_cell

    def failing(value):
        written.append(value)
        if len(written) > 10:  # well into the second row
            raise RuntimeError("database went away")
        return cell(value)

    monkeypatch.setattr(exports, "csv_cell", failing)
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, actions.inside, language="da"))
    client.raise_request_exception = False
    response = client.get(ACTIONS.format(lang="da", fmt="csv"))
    assert response.status_code == 500
    assert "X-Zist-Rows" not in response and "attachment" not in response.get(
        "Content-Disposition", ""
    )
    assert not response["Content-Type"].startswith("text/csv")


def test_the_xlsx_is_written_into_a_file(actions):
    """openpyxl's write-only sheet, saved into the response's temporary file."""
    import tempfile

    from zist.actions.tables import ActionTable

    handle = tempfile.TemporaryFile()
    rows = exports.write(ActionTable(Action.objects.all()), "xlsx", handle, "actions")
    assert rows == 6 and handle.tell() > 1000
    handle.seek(0)
    assert load_workbook(handle).worksheets[0].max_row == 7
