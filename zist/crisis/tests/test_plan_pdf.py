"""Qazvin's Persian crisis master plan as a PDF: read back with poppler."""

import subprocess

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from zist.core.testing import pdf_pages, pdf_png, pdf_text, plain, squash
from zist.crisis import demo
from zist.crisis.models import Agency, CrisisFunction, FunctionAssignment, MasterPlan
from zist.demo import platform
from zist.jobs.testing import pdf_of
from zist.users.models import User


def page_sizes(content: bytes) -> list[str]:
    """Each page's size as pdfinfo prints it ("595.276 x 841.89 pts (A4)")."""
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()
    return [
        line.split(":", 1)[1].strip()
        for line in out.splitlines()
        if line.startswith("Page ") and line.split()[1].isdigit() and " size:" in line
    ]


@pytest.fixture(scope="class")
def qazvin(django_db_setup, django_db_blocker):
    """The Qazvin demo and its approved plan's PDF, rendered once for the class."""
    with django_db_blocker.unblock(), transaction.atomic():
        platform.load()
        demo.load()
        plan = MasterPlan.objects.get(status="approved")
        client = Client()
        client.force_login(User.objects.get(username="qazvin.crisis"))
        with translation.override("fa"):
            url = reverse("crisis:masterplan_document", args=[plan.pk])
        # Always rendered by a background job, then downloaded by the same person.
        content = pdf_of(client, client.get(url + "?format=pdf"))
        matrix = FunctionAssignment.objects.filter(
            function__unit__organisation=plan.unit.organisation
        )
        data = {
            "plan": plan,
            "url": url,
            "content": content,
            "agencies": list(
                Agency.objects.filter(pk__in=matrix.values("agency")).values_list("name", flat=True)
            ),
            "functions": list(
                CrisisFunction.objects.filter(pk__in=matrix.values("function")).values_list(
                    "name", flat=True
                )
            ),
        }
        yield data
        transaction.set_rollback(True)


@pytest.mark.django_db
class TestMasterPlanPdf:
    def test_it_renders_the_plan_with_its_sections(self, qazvin):
        content = qazvin["content"]
        text = pdf_text(content)
        for heading in (
            "مخاطرات و تاریخچهٔ بحران‌ها",
            "اولویت‌بندی در جلسات گروهی",
            "ادارهٔ مدیریت بحران",
            "فرآیندها به تفکیک فاز",
            "نیازهای آموزشی",
        ):
            assert plain(heading) in text, heading
        assert "طرح جامع مدیریت بحران شهر قزوین" in text
        assert "شهرداری قزوین" in pdf_pages(content)[5]  # the running header

    def test_it_writes_jalali_dates_and_persian_digits(self, qazvin):
        plan = qazvin["plan"]
        from zist.core import calendars

        with calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS):
            approved = calendars.format_date(plan.approved_on)
        text = pdf_text(qazvin["content"])
        assert approved.startswith("۱۴") and approved in text
        assert squash("صفحه ۱ از") in squash(text)

    def test_it_keeps_every_column_of_the_functions_matrix_on_a_landscape_page(self, qazvin):
        content = qazvin["content"]
        pages = pdf_pages(content)
        sizes = page_sizes(content)
        assert len(sizes) == len(pages)
        title = plain("کارکردهای بحران × ادارات")
        index = next(i for i, page in enumerate(pages) if title in page)
        assert sizes[index].startswith("841.89 x 595.276"), sizes[index]
        assert sizes[0].startswith("595.276 x 841.89")  # the rest stays upright
        matrix_text = " ".join(pages[index : index + 2])
        pdf_png(content, "/tmp/pdf-plan-matrix-fa", page=index + 1)
        assert len(qazvin["agencies"]) >= 8
        for name in qazvin["agencies"] + qazvin["functions"]:
            for word in plain(name).split():
                assert word in matrix_text, name
        pdf_png(content, "/tmp/pdf-plan-matrix-fa", page=index + 1)

    def test_it_refuses_the_pdf_to_people_outside_qazvin(self, qazvin, client):
        client.force_login(User.objects.get(username="region2.manager"))
        assert client.get(qazvin["url"] + "?format=pdf").status_code == 404
        client.logout()
        assert client.get(qazvin["url"] + "?format=pdf").status_code == 302

    def test_it_draws_persian_labels_of_the_diagrams_joined_and_in_order(self, qazvin):
        import unicodedata

        content = qazvin["content"]
        pages = pdf_pages(content)
        title = plain("نمودار سازمانی")
        index = next(i for i, page in enumerate(pages) if title in page)
        pdf_png(content, "/tmp/pdf-plan-chart-fa", page=index + 1, dpi=110)
        # The chart's boxes are drawn as shaped glyphs in drawing order; read back and
        # normalised, they are the posts' titles (pdftotext reads presentation forms).
        drawn = unicodedata.normalize("NFKC", pages[index])
        assert plain("مدیر ادارهٔ مدیریت بحران") in plain(drawn)
