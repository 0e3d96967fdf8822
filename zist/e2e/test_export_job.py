"""A large list export on a phone becomes a job: District 3's representative, in
Persian, taps "Export CSV" on the actions list, follows the job's page until it offers
the file, and the file holds District 3's actions and never District 4's. Albertslund's
manager, in Danish, gets an XLSX of the library's actions the same way. Someone else
signed in cannot download either file (decision 0026)."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from zist.actions.models import Action
from zist.e2e import log_in, screenshot
from zist.jobs.models import Job, State
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e


@pytest.fixture
def actions(demo, settings, tmp_path):
    """More actions than a direct download may hold (the threshold is 2 here)."""
    settings.MEDIA_ROOT = tmp_path
    settings.ZIST_EXPORT_BACKGROUND_ROWS = 2
    tehran = Unit.objects.get(code="region2", organisation__name="شهرداری تهران")
    units = {unit.code: unit for unit in Unit.objects.filter(path__startswith=tehran.path)}
    for number in range(3):
        Action.objects.create(unit=units["region2-d3"], title=f"کاهش مصرف آب {number + 1}")
    Action.objects.create(unit=units["region2-d4"], title="اقدام ناحیهٔ ۴")
    library = Unit.objects.get(code="bibliotek")
    for number in range(3):
        Action.objects.create(unit=library, title=f"Mindre varme {number + 1}", progress=25)


def _follow_the_job(page, lang: str, fmt: str, name: str) -> bytes:
    page.goto(f"/{lang}/actions/actions/")
    page.locator(f"a[href*='export={fmt}']").tap()
    expect(page).to_have_url(re.compile(rf"/{lang}/jobs/[0-9a-f-]{{36}}/$"))
    expect(page.locator("h1")).to_contain_text(fmt.upper())
    screenshot(page, f"export-job-progress-{lang}-390")
    download = page.locator("a[data-export-download]")
    expect(download).to_be_visible(timeout=90_000)  # the page reloads itself meanwhile
    screenshot(page, f"export-job-done-{lang}-390")
    job = Job.objects.get(name="export", user__username=name)
    assert job.state == State.DONE and job.title.endswith(f"({fmt.upper()})")
    answer = page.request.get(download.get_attribute("href"))
    assert answer.status == 200 and "attachment" in answer.headers["content-disposition"]
    return answer.body(), download.get_attribute("href")


def test_a_representative_on_a_phone_gets_a_large_csv_from_a_job(phone390, actions, browser):
    page = phone390
    log_in(page, "district3.rep")
    content, href = _follow_the_job(page, "fa", "csv", "district3.rep")
    expect(page.locator("button, a").filter(has_text="دریافت فایل")).to_be_visible()
    expect(page.locator("[data-export-rows]")).to_have_text("۳")  # Persian digits
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][0] == "عنوان"
    assert sorted(row[0] for row in rows[1:]) == [f"کاهش مصرف آب {n}" for n in (1, 2, 3)]

    # Albertslund's manager, in Danish, an XLSX of the library's actions.
    context = browser.new_context(
        base_url=page.url.split("/fa/")[0],
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    other = context.new_page()
    log_in(other, "albertslund.manager")
    content, _href = _follow_the_job(other, "da", "xlsx", "albertslund.manager")
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert not sheet.sheet_view.rightToLeft
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Titel"
    assert sorted(row[0] for row in rows[1:]) == [f"Mindre varme {n}" for n in (1, 2, 3)]
    assert {row[6] for row in rows[1:]} == {25}
    # Nor may she download the representative's file.
    assert other.request.get(href).status == 404
    context.close()
