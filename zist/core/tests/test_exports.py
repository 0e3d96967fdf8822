"""Exports a spreadsheet reads as numbers and dates, and that Zist imports back."""

import csv
import datetime as dt
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from zist.meters.models import Reading
from zist.meters.testing import make_meter
from zist.objectives.models import Objective
from zist.users.roles import Role

UTC = dt.UTC


def _get(client, lang, name, **params):
    with translation.override(lang):
        url = reverse(name)
    response = client.get(url, params)
    assert response.status_code == 200
    content = response.streaming_content if response.streaming else [response.content]
    return b"".join(content), url


def _readings(meter):
    Reading.objects.create(
        meter=meter, timestamp=dt.datetime(2026, 12, 2, 4, 30, tzinfo=UTC), value=750100.4
    )
    Reading.objects.create(
        meter=meter, timestamp=dt.datetime(2026, 12, 3, 4, 30, tzinfo=UTC), value=14846.600000000093
    )


def test_a_danish_csv_is_what_danish_excel_reads(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.foreign, language="da"))
    _readings(make_meter(cast.foreign, code="BIB-EL"))
    data, _url = _get(client, "da", "meters:reading_list", export="csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows[0]) > 3  # split at semicolons
    values = {row[2] for row in rows[1:]}
    times = {row[1] for row in rows[1:]}
    assert values == {"750100,4", "14846,6"}  # decimal comma, no float noise
    assert times == {"2026-12-02 05:30", "2026-12-03 05:30"}  # Copenhagen time, ISO


def test_a_persian_xlsx_runs_right_to_left_with_real_numbers_and_dates(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="fa"))
    _readings(make_meter(cast.inside, code="D3-EL"))
    data, _url = _get(client, "fa", "meters:reading_list", export="xlsx")
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    assert sheet.sheet_view.rightToLeft
    rows = list(sheet.iter_rows(min_row=2))
    assert {row[2].value for row in rows} == {750100.4, 14846.6}
    # Tehran wall-clock time, shown by the spreadsheet in the Persian calendar.
    assert {row[1].value for row in rows} == {
        dt.datetime(2026, 12, 2, 8, 0),
        dt.datetime(2026, 12, 3, 8, 0),
    }
    assert rows[0][1].number_format.startswith("[$-fa-IR,16]")


def test_a_danish_xlsx_runs_left_to_right(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.foreign, language="da"))
    data, _url = _get(client, "da", "meters:reading_list", export="xlsx")
    assert not load_workbook(io.BytesIO(data)).worksheets[0].sheet_view.rightToLeft


def _reimport(client, lang, name, data, filename):
    with translation.override(lang):
        url = reverse(name)
    upload = SimpleUploadedFile(filename, data)
    return client.post(url, {"file": upload})


def test_exported_readings_import_back_in_danish_and_persian(cast, make_user, client):
    for lang, unit, fmt in (("da", cast.foreign, "csv"), ("fa", cast.inside, "xlsx")):
        Reading.objects.all().delete()
        client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, unit, language=lang))
        meter = make_meter(unit, code=f"{lang}-EL", name="Main")
        _readings(meter)
        before = sorted(Reading.objects.values_list("timestamp", "value"))
        data, _url = _get(client, lang, "meters:reading_list", export=fmt)
        Reading.objects.all().delete()
        with translation.override(lang):
            form = client.get(reverse("meters:reading_upload")).context["form"]
            upload = SimpleUploadedFile(f"readings.{fmt}", data)
            fields = {"unit": unit.pk, "file": upload}
            if form["decimal_comma"].initial:  # offered to Danish users
                fields["decimal_comma"] = "on"
            response = client.post(reverse("meters:reading_upload"), fields)
        assert response.status_code == 302, response.context["report"]
        assert sorted(Reading.objects.values_list("timestamp", "value")) == [
            (t, float(f"{v:.12g}")) for t, v in before
        ]


def test_exported_objectives_import_back_with_exact_decimals(cast, make_user, client):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="fa")
    client.force_login(user)
    Objective.objects.create(
        unit=cast.inside,
        code="power",
        statement="کاهش مصرف برق",
        baseline_value=Decimal("2000"),
        target_value=Decimal("1234.5"),
        measure_unit="kWh",
        deadline=dt.date(2030, 12, 31),
    )
    for fmt in ("csv", "xlsx"):
        data, _url = _get(client, "fa", "objectives:objective_list", export=fmt)
        Objective.objects.all().delete()
        response = _reimport(client, "fa", "objectives:objective_import", data, f"o.{fmt}")
        assert response.status_code == 302, response.context.get("result")
        objective = Objective.objects.get(code="power")
        assert objective.target_value == Decimal("1234.5")
        assert objective.baseline_value == Decimal("2000")
        assert objective.deadline == dt.date(2030, 12, 31)
