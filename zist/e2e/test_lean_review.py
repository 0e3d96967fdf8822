"""A Lean finding recorded on a phone, its estimated saving typed as people write
numbers (Finnish decimal comma; Persian digits and `٫`), then accepted into an Action
with one click: the database holds exactly those Decimals and the linked action."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from zist.actions.models import Action, ActionKind
from zist.e2e import log_in, screenshot
from zist.improvement.models import Finding, Review, Step
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e


def _record_finding(page, lang, review, title, savings: dict) -> Finding:
    page.goto(f"/{lang}/improvement/findings/add/?review={review.pk}")
    page.locator("#id_title").fill(title)
    page.locator("#id_waste").select_option("overproduction")
    page.locator("#id_lane").select_option("food")
    for field, text in savings.items():
        box = page.locator(f"#id_{field}")
        assert box.get_attribute("type") == "text"
        box.press_sequentially(text)
        expect(box).to_have_value(text)
    page.locator("main form.record-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/{lang}/improvement/findings/\d+/$"))
    return Finding.objects.get(review=review, title=title)


def _accept(page, finding) -> Action:
    page.locator(f"form[action$='/findings/{finding.pk}/accept/'] button[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/improvement/findings/{finding.pk}/$"))
    finding.refresh_from_db()
    return finding.action


def test_a_finnish_manager_records_a_saving_with_a_decimal_comma_and_accepts_it(phone390):
    unit = Unit.objects.get(code="sivistyspalvelut", organisation__language="fi")
    review = Review.objects.create(
        unit=unit, title="Päiväkotien ruokapalvelu", held_on=dt.date(2026, 3, 12)
    )
    log_in(phone390, "kemi.manager")
    finding = _record_finding(
        phone390,
        "fi",
        review,
        "Lautashävikki",
        {"saving_money": "1234,56", "saving_tco2e": "0,75"},
    )
    assert finding.saving_money == Decimal("1234.56")  # not 123456
    assert finding.saving_tco2e == Decimal("0.75")
    expect(phone390.locator("dl.fields")).to_contain_text(
        re.compile(r"1\s234,56")
    )  # grouped by a (narrow) space
    action = _accept(phone390, finding)
    screenshot(phone390, "fi-phone-lean-finding-accepted")
    assert action.source == finding and action.kind == ActionKind.IMPROVEMENT
    assert action.unit == unit and finding.status == "accepted"
    assert Action.objects.for_source(finding).count() == 1


def test_a_persian_representative_records_a_saving_in_persian_digits_and_accepts_it(
    phone390,
):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    review = Review.objects.create(
        unit=district3, title="خدمات رفت‌وروب", held_on=dt.date(2026, 3, 12)
    )
    log_in(phone390, "district3.rep")
    finding = _record_finding(
        phone390,
        "fa",
        review,
        "روشن ماندن خودروها",
        {"saving_kwh": "۱۲۵۰٫۵", "saving_money": "۳۰۰۰۰۰۰"},
    )
    assert finding.saving_kwh == Decimal("1250.5")
    assert finding.saving_money == Decimal("3000000")
    expect(phone390.locator("dl.fields")).to_contain_text("۱٬۲۵۰٫۵")
    screenshot(phone390, "fa-phone-lean-finding")
    action = _accept(phone390, finding)
    assert action.source == finding and action.unit == district3

    # The review's value stream, right to left: 40 + 20 min processing, 30 + 10 waiting.
    Step.objects.create(
        review=review, order=1, name="بارگیری", processing_minutes=40, waiting_minutes=30
    )
    Step.objects.create(
        review=review, order=2, name="رفت‌وروب", processing_minutes=20, waiting_minutes=10
    )
    phone390.goto(f"/fa/improvement/reviews/{review.pk}/")
    expect(phone390.locator("svg.value-stream")).to_have_attribute("direction", "rtl")
    expect(phone390.locator("main")).to_contain_text("۱۰۰ دقیقه")  # lead time
    screenshot(phone390, "fa-phone-lean-review")
