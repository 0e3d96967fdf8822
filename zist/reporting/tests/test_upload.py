"""Figures uploaded as CSV or XLSX, in other units than the KPI's, converted with the
units machinery and traceable to the file's row (worked figures below)."""

import io
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from zist.reporting import uploads
from zist.reporting.models import Figure, Submission
from zist.users.models import RoleAssignment, User

pytestmark = pytest.mark.usefixtures("regulator_demo")

QAZVIN = "سیمان قزوین"


def _returned() -> Submission:
    submission = Submission.objects.get(
        programme__year=1404, unit__organisation__name=QAZVIN, status="returned"
    )
    return submission


def _figure(submission, code: str) -> Figure:
    return Figure.objects.get(submission=submission, kpi__code=code)


@pytest.mark.django_db
class TestUploadedFigures:
    def test_a_persian_csv_in_other_units_is_converted_and_kept_as_given(self, client):
        submission = _returned()
        manager = User.objects.create_user("qazvin", password="pw", home_unit=submission.unit)
        RoleAssignment.objects.create(
            user=manager, role="environmental_manager", unit=submission.unit
        )
        client.force_login(manager)
        text = (
            "kpi,value,unit,comment\n"
            "ENERGY,۳٬۶۰۰٬۰۰۰,GJ,\n"
            "water,1250000,L,\n"
            "CO2,۸۵۰۰۰۰,kg,کوره ۲ در دی متوقف شد\n"
        )
        file = SimpleUploadedFile("figures.csv", text.encode(), content_type="text/csv")
        response = client.post(reverse("reporting:upload", args=[submission.pk]), {"file": file})
        assert response.status_code == 302
        # 3 600 000 GJ ÷ 3.6 GJ/MWh = 1 000 000 MWh; 1 250 000 L = 1 250 m³;
        # 850 000 kg = 850 t.
        energy, water, co2 = (_figure(submission, c) for c in ("ENERGY", "WATER", "CO2"))
        assert (energy.value, energy.entered_value, energy.entered_unit) == (
            D("1000000"),
            D("3600000"),
            "GJ",
        )
        assert (water.value, water.entered_value, water.entered_unit) == (
            D("1250"),
            D("1250000"),
            "L",
        )
        assert (co2.value, co2.entered_unit, co2.change_comment) == (
            D("850"),
            "kg",
            "کوره ۲ در دی متوقف شد",
        )
        assert energy.source == "File figures.csv, row 2" and co2.source.endswith("row 4")
        # Traceable in the figure's history: who uploaded it, and the value before.
        latest = energy.history.order_by("-history_date").first()
        assert latest.history_user == manager and latest.entered_unit == "GJ"

    def test_an_xlsx_with_number_cells_is_read_exactly(self):
        submission = _returned()
        book = Workbook()
        sheet = book.active
        sheet.append(["KPI", "Value", "Unit"])
        sheet.append(["ENERGY", 950000000, "kWh"])
        sheet.append(["WATER", 1.5, "dam³"])
        out = io.BytesIO()
        book.save(out)
        file = SimpleUploadedFile("figures.xlsx", out.getvalue())
        uploads.upload_figures(submission, file)
        # 950 000 000 kWh = 950 000 MWh; 1.5 dam³ = 1 500 m³.
        assert _figure(submission, "ENERGY").value == D("950000")
        assert _figure(submission, "WATER").value == D("1500")

    def test_a_bad_row_stores_nothing_and_says_which_row(self):
        submission = _returned()
        before = {f.kpi.code: f.value for f in submission.figures.select_related("kpi")}
        text = "kpi,value,unit\nENERGY,5,GJ\nWATER,12,kg\nNOISE,3,\nCO2,1.2.3,t\n"
        file = SimpleUploadedFile("bad.csv", text.encode())
        with pytest.raises(uploads.ValidationError) as refused:
            uploads.upload_figures(submission, file)
        problems = refused.value.messages
        assert any(p.startswith("Row 3:") and "kg" in p for p in problems)
        assert any(p.startswith("Row 4:") and "NOISE" in p for p in problems)
        assert any(p.startswith("Row 5:") for p in problems)
        after = {f.kpi.code: f.value for f in submission.figures.select_related("kpi")}
        assert after == before
