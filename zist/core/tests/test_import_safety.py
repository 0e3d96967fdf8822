"""The generic import with careless or hostile files: text keeps its digits, units are
named as people name them, rows of one file obey the same uniqueness rules as rows
already stored, and size, rows and decompression are limited while the file is read."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from zist.actions.models import Action
from zist.aspects.models import Activity
from zist.core import imports
from zist.indicators.models import Indicator
from zist.obligations.models import Obligation
from zist.users.roles import Role

HEADER = "Unit,Title,Kind,Due date,Status,Progress (%)\n"


def _csv(text: str, name="file.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def _xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("x")
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("file.xlsx", buffer.getvalue())


@pytest.fixture
def manager(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    return client


def _errors(response) -> dict:
    result = response.context.get("result")
    if result is None:
        return {0: " ".join(str(e) for e in response.context["form"].errors.get("file", []))}
    return {e.row: " ".join(str(m) for m in e.messages) for e in result.errors}


def test_it_keeps_persian_digits_in_text(cast, manager):
    upload = _csv(HEADER + "d3,کاشت ۳۰ درخت,task,۲۰۳۰-۰۱-۳۱,open,۳۰\n")
    response = manager.post("/en/actions/actions/import/", {"file": upload})
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.title == "کاشت ۳۰ درخت"
    assert action.progress == 30
    assert str(action.due_date) == "2030-01-31"


def test_it_names_a_unit_by_its_persian_name(cast, manager):
    cast.inside.name = "ناحیه ۳"
    cast.inside.save()
    upload = _csv(HEADER + "ناحیه ۳,Fit timers,task,,open,0\nناحیه 3,Insulate,task,,open,0\n")
    response = manager.post("/en/actions/actions/import/", {"file": upload})
    assert response.status_code == 302, _errors(response)
    assert set(Action.objects.values_list("unit", flat=True)) == {cast.inside.pk}


def test_it_refuses_two_rows_naming_the_same_record(cast, manager):
    upload = _csv("unit,code,name\nd3,A1,Boiler\nd3,a1,Boiler again\n")
    response = manager.post("/en/aspects/activities/import/", {"file": upload})
    assert response.status_code == 400
    assert "2" in _errors(response)[3]
    assert Activity.objects.count() == 0


def test_it_refuses_a_duplicate_key_inside_one_file(cast, manager):
    upload = _csv("unit,code,name,measure_unit\nd3,W1,Water,m³\nd3,W1,Water again,m³\n")
    response = manager.post("/en/indicators/indicators/import/", {"file": upload})
    assert response.status_code == 400
    assert "2" in _errors(response)[3]
    assert Indicator.objects.count() == 0


def test_it_refuses_two_obligations_with_one_reference(cast, manager):
    upload = _csv("unit,reference,title,kind\nd3,R-1,Permit,permit\nd4,r-1,Other,law\n")
    response = manager.post("/en/obligations/obligations/import/", {"file": upload})
    assert response.status_code == 400
    assert "2" in _errors(response)[3]
    assert Obligation.objects.count() == 0


def test_it_refuses_a_csv_cell_over_the_field_limit(cast, manager):
    upload = _csv(HEADER + "d3," + "x" * (200 * 1024) + ",task,,open,0\n")
    response = manager.post("/en/actions/actions/import/", {"file": upload})
    assert response.status_code == 400
    assert Action.objects.count() == 0


def test_it_refuses_a_file_over_the_size_limit_before_reading_it(cast, manager, settings):
    settings.ZIST_IMPORT_MAX_BYTES = 1000
    upload = _csv(HEADER + "d3,Fit timers,task,,open,0\n" * 100)
    response = manager.post("/en/actions/actions/import/", {"file": upload})
    assert response.status_code == 400
    assert "limit" in _errors(response)[0]
    assert Action.objects.count() == 0


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_it_stops_reading_at_the_row_limit(kind, settings):
    settings.ZIST_IMPORT_MAX_ROWS = 5
    # Far more rows than the limit, and no more: reading all of them back below is
    # what this test spends its time on (100 000 XLSX rows took half a minute).
    rows = [["Unit", "Title"]] + [["d3", f"t{n}"] for n in range(20000)]
    if kind == "csv":
        upload = _csv("\n".join(",".join(row) for row in rows))
    else:
        upload = _xlsx(rows)
    with pytest.raises(imports.ImportFileError, match="5"):
        imports.read_rows(upload)
    settings.ZIST_IMPORT_MAX_ROWS = 200000
    assert len(imports.read_rows(upload)) == 20001


def test_it_refuses_an_xlsx_that_unpacks_too_large(settings):
    upload = _xlsx([["Unit", "Title"]] + [["d3", "x" * 100] for _ in range(2000)])
    settings.ZIST_IMPORT_MAX_UNPACKED_BYTES = 100 * 1024
    with pytest.raises(imports.ImportFileError):
        imports.read_rows(upload)
