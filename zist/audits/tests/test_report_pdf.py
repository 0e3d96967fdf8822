"""The audit report as a PDF (same template as the page), read back with poppler."""

import datetime as dt
import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from zist.audits.models import Audit, Finding
from zist.core import calendars
from zist.core.testing import pdf_info, pdf_pages, pdf_png, pdf_text, plain, squash
from zist.organisations import services
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User

FINDINGS = 45


def person(username, role, unit, **fields):
    user = User.objects.create_user(username, password="pw", home_unit=unit, **fields)
    RoleAssignment.objects.create(user=user, role=role, unit=unit)
    return user


@pytest.fixture(scope="class")
def reports(django_db_setup, django_db_blocker):
    """A Persian audit with many findings and a Danish one, their PDFs rendered once."""
    with django_db_blocker.unblock(), transaction.atomic():
        tehran = services.create_organisation(
            name="شهرداری تهران", language="fa", calendar=calendars.JALALI
        )
        root = Unit.objects.get(organisation=tehran, depth=1)
        region = services.create_unit(root, name="منطقه ۲", code="r2", kind="region")
        district = services.create_unit(region, name="ناحیه ۳", code="d3", kind="district")
        other = services.create_unit(region, name="ناحیه ۴", code="d4", kind="district")
        auditor = person("fa-auditor", "internal_auditor", region)
        audit = Audit.objects.create(
            unit=district,
            title="ممیزی داخلی ناحیه ۳",
            start_date=dt.date(2030, 5, 1),
            end_date=dt.date(2030, 5, 2),
            summary="انبارها مرتب و پاکیزه هستند.",
            strengths="کارکنان آموزش‌دیده",
            lead_auditor=auditor,
        )
        for n in range(1, FINDINGS + 1):
            Finding.objects.create(
                audit=audit,
                unit=district,
                grade="minor" if n % 3 else "major",
                statement=f"پسماند خطرناک بدون برچسب در انبار شمارهٔ {n}",
            )
        albertslund = services.create_organisation(name="Albertslund Kommune", language="da")
        aroot = Unit.objects.get(organisation=albertslund, depth=1)
        library = services.create_unit(aroot, name="Biblioteket", code="bib", kind="workplace")
        danish = person("da-auditor", "internal_auditor", aroot)
        dansk = Audit.objects.create(
            unit=library,
            title="Intern audit Biblioteket",
            start_date=dt.date(2025, 9, 3),
            summary="Affaldssortering fungerer godt.",
            lead_auditor=danish,
        )
        Finding.objects.create(
            audit=dansk, unit=library, grade="observation", statement="Spildolie uden spildbakke"
        )
        client = Client()
        client.force_login(auditor)
        with translation.override("fa"):
            fa_url = reverse("audits:audit_report", args=[audit.pk])
        out = {"fa": client.get(fa_url + "?format=pdf"), "fa_page": client.get(fa_url)}
        client.force_login(danish)
        with translation.override("da"):
            da_url = reverse("audits:audit_report", args=[dansk.pk])
        out["da"] = client.get(da_url + "?format=pdf")
        out["outsider"] = person("d4-auditor", "internal_auditor", other)
        out["fa_url"] = fa_url
        yield out
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestAuditReportPdf:
    def test_it_links_the_pdf_from_the_page(self, reports):
        assert 'href="?format=pdf"' in reports["fa_page"].content.decode()

    def test_it_prints_the_persian_report_in_order_with_jalali_dates(self, reports):
        response = reports["fa"]
        assert response["Content-Type"] == "application/pdf"
        assert pdf_info(response.content)["Page size"].startswith("595.276 x 841.89")
        text = pdf_text(response.content)
        for words in (
            "گزارش ممیزی",
            "ممیزی داخلی ناحیه ۳",
            "انبارها مرتب و پاکیزه هستند",
            "کارکنان آموزش‌دیده",
            "یافته‌ها",
            "نتیجه‌گیری",
            "شهرداری تهران",
        ):
            assert plain(words) in text, words
        assert "۱۴۰۹/۰۲/۱۱" in text and "۱۴۰۹/۰۲/۱۲" in text  # 1 and 2 May 2030
        # The counts by grade, in Persian digits: 15 major, 30 minor (pdftotext moves
        # the colon between a Persian word and a number; the page shows "عمده: ۱۵").
        assert re.search(plain("عدم انطباق‌های عمده") + r"\W{0,4}۱۵", text)
        assert re.search(plain("عدم انطباق‌های جزئی") + r"\W{0,4}۳۰", text)
        assert plain(f"پسماند خطرناک بدون برچسب در انبار شمارهٔ {FINDINGS}") in text

    def test_it_repeats_the_findings_header_and_numbers_the_pages(self, reports):
        pages = pdf_pages(reports["fa"].content)
        total = str(len(pages)).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        with_findings = [p for p in pages if plain("پسماند خطرناک") in p]
        assert len(with_findings) >= 2
        for page in with_findings:
            assert plain("شرح یافته") in page and plain("شواهد عینی") in page
        for number, page in enumerate(pages, 1):
            shown = str(number).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
            assert squash(f"صفحه {shown} از {total}") in squash(page)
        pdf_png(reports["fa"].content, "/tmp/pdf-audit-fa", page=2)

    def test_it_prints_the_danish_report_in_danish(self, reports):
        text = pdf_text(reports["da"].content)
        assert "Auditrapport: Intern audit Biblioteket" in text
        assert "Affaldssortering fungerer godt." in text and "Spildolie uden spildbakke" in text
        assert "03.09.2025" in text and "Side 1 af 1" in text
        assert "Albertslund Kommune" in text
        pdf_png(reports["da"].content, "/tmp/pdf-audit-da")

    def test_it_refuses_the_pdf_outside_the_users_units(self, reports):
        client = Client()
        client.force_login(reports["outsider"])
        assert client.get(reports["fa_url"] + "?format=pdf").status_code == 404
