"""An industry's manager types its KPI figures on a phone in Persian digits and submits
them to the DoE; the DoE's reviewer (in Danish) returns the submission with a comment.
The database holds exactly the typed numbers and the reviewer's decision."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from zist.e2e import log_in, screenshot
from zist.reporting import demo as reporting_demo
from zist.reporting.models import Submission
from zist.users.models import User

pytestmark = pytest.mark.e2e


def test_an_industry_submits_in_persian_digits_and_the_reviewer_returns_it(phone390):
    reporting_demo.load()
    submission = Submission.objects.get(
        programme__year=1404, unit__organisation__name="سیمان تهران"
    )
    submission.figures.all().delete()
    Submission.objects.filter(pk=submission.pk).update(status="invited", reference_value=None)
    User.objects.filter(username="doe.reviewer").update(language="da")
    page = phone390

    log_in(page, "cement.manager")
    page.goto(f"/fa/reporting/submissions/{submission.pk}/")
    page.get_by_role("link", name="ورود ارقام").click()
    kpis = {k.code: k.pk for k in submission.programme.kpis.all()}
    page.locator("#id_reference_value").press_sequentially("۱٬۰۰۰٬۰۰۰")
    page.locator(f"#id_value_{kpis['ENERGY']}").press_sequentially("۹۴۹٬۹۹۹٫۵")
    page.locator(f"#id_value_{kpis['WATER']}").press_sequentially("۵۵۰۰۰۰")
    page.locator(f"#id_value_{kpis['CO2']}").press_sequentially("۸۰۰٬۰۰۰")
    screenshot(page, "regulator-fa-figures")
    page.locator("main form.record-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/fa/reporting/submissions/{submission.pk}/$"))
    page.get_by_role("button", name="ارسال به نهاد ناظر").click()
    expect(page.locator("main")).to_contain_text("به نهاد ناظر ارسال شد")
    screenshot(page, "regulator-fa-submitted")

    stored = Submission.objects.get(pk=submission.pk)
    assert stored.status == "submitted"
    assert stored.reference_value == Decimal("1000000")
    values = {f.kpi.code: f.value for f in stored.figures.select_related("kpi")}
    assert values == {
        "ENERGY": Decimal("949999.5"),
        "WATER": Decimal("550000"),
        "CO2": Decimal("800000"),
    }

    page.context.clear_cookies()
    log_in(page, "doe.reviewer")
    page.goto(f"/da/reporting/submissions/{submission.pk}/")
    expect(page.locator("main")).to_contain_text("949.999,5")
    page.get_by_label("Bedømmerens kommentar").fill("Vandforbruget passer ikke med regningerne.")
    page.get_by_role("button", name="Send retur med kommentar").click()
    expect(page.locator("main")).to_contain_text("Sendt retur med jeres kommentar")
    screenshot(page, "regulator-da-returned")

    stored = Submission.objects.get(pk=submission.pk)
    assert stored.status == "returned"
    assert stored.review_comment == "Vandforbruget passer ikke med regningerne."
    assert stored.reviewer.username == "doe.reviewer"
    assert [h.status for h in stored.history.order_by("history_date", "history_id")][-3:] == [
        "invited",
        "submitted",
        "returned",
    ]


def test_the_regulator_ranks_each_sector_and_an_industry_sees_only_its_position(phone390):
    reporting_demo.load()
    programme = Submission.objects.filter(programme__year=1404).first().programme
    page = phone390

    log_in(page, "doe.reviewer")
    page.goto(f"/en/reporting/programmes/{programme.pk}/benchmark/")
    main = page.locator("main")
    expect(main).to_contain_text("سیمان تهران")  # ranked by name for the regulator
    expect(main.locator("svg.distribution").first).to_be_visible()
    assert main.locator("svg.distribution").count() == 9  # 3 KPIs × 3 sectors
    screenshot(page, "regulator-en-benchmark")

    page.context.clear_cookies()
    log_in(page, "cement.manager")
    page.goto(f"/fa/reporting/programmes/{programme.pk}/benchmark/")
    expect(main).to_contain_text("رقم شما")
    assert "سیمان شاهرود" not in main.inner_text()
    assert main.locator("svg.distribution").count() == 3  # its own sector only
    screenshot(page, "regulator-fa-benchmark")
