"""Region 2's environmental manager, on a phone in Persian, asks for the statement's
PDF: the page sends her to the job's progress page, which offers the file when it is
rendered; the file she downloads has the statement's headings in Persian. Someone else
signed in cannot download it."""

import re
import subprocess

import pytest
from django.utils import translation
from playwright.sync_api import expect

from zist.core.testing import squash
from zist.e2e import PASSWORD, log_in, screenshot
from zist.jobs.models import Job, State
from zist.organisations.models import Unit
from zist.publication.models import Statement

pytestmark = pytest.mark.e2e


def _text(content: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_a_manager_on_a_phone_gets_the_persian_statement_pdf_from_a_job(phone390, browser):
    region = Unit.objects.get(code="region2", organisation__name="شهرداری تهران")
    statement = Statement.objects.create(
        unit=region,
        year=2025,
        title="بیانیهٔ زیست‌محیطی منطقه ۲ — ۱۴۰۴",
        activities="خدمات شهری در نه ناحیه.",
        verifier_name="شرکت تصدیق",
    )
    page = phone390
    log_in(page, "region2.manager")
    page.goto(f"/fa/publication/statements/{statement.pk}/document/")
    expect(page.locator("h1")).to_contain_text("بیانیهٔ زیست‌محیطی منطقه ۲")
    page.locator("a.pdf-link").tap()
    # The progress page of the job, in Persian.
    expect(page).to_have_url(re.compile(r"/fa/jobs/[0-9a-f-]{36}/$"))
    expect(page.locator("h1")).to_contain_text("PDF")
    screenshot(page, "pdf-job-progress-fa-390")
    download = page.locator("a[data-pdf-download]")
    expect(download).to_be_visible(timeout=90_000)  # the page reloads itself meanwhile
    expect(download).to_have_text("دریافت PDF")
    screenshot(page, "pdf-job-done-fa-390")
    job = Job.objects.get(name="pdf")
    assert job.state == State.DONE and job.user.username == "region2.manager"
    answer = page.request.get(download.get_attribute("href"))
    assert answer.status == 200 and answer.headers["content-type"] == "application/pdf"
    text = _text(answer.body())
    with translation.override("fa"):
        for heading in (
            "سازمان و سایت‌های آن",
            "خط‌مشی زیست‌محیطی و راهبری",
            "جنبه‌ها و پیامدهای بارز زیست‌محیطی",
            "تصدیق و اعتبارسنجی",
        ):
            assert squash(heading) in squash(text), heading
    assert squash("منطقه ۲") in squash(text)

    # Another person, signed in on another phone, gets no file from that address.
    context = browser.new_context(base_url=page.url.split("/fa/")[0])
    other = context.new_page()
    other.goto("/en/login/")
    other.get_by_label("Username").fill("district3.rep")
    other.get_by_label("Password").fill(PASSWORD)
    other.locator("main form button[type=submit]").click()
    expect(other.locator("time.today-date")).to_be_visible()
    assert other.request.get(download.get_attribute("href")).status == 404
    context.close()
