"""In a real browser: the Qazvin crisis manager revises a demo participant's pairwise
comparisons on a small phone, in Persian."""

import re

import pytest
from playwright.sync_api import expect

from zist.crisis.models import Participant
from zist.crisis.models.sessions import Method
from zist.e2e import log_in, screenshot, unlabelled_controls

pytestmark = pytest.mark.e2e

PAGE_IS_WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"


def test_a_persian_crisis_manager_revises_a_demo_participants_matrix_on_a_phone(
    phone,
):
    from zist.crisis import demo as crisis_demo

    crisis_demo.load()
    person = Participant.objects.filter(session__method=Method.AHP).order_by("pk").first()
    log_in(phone, "qazvin.crisis")
    phone.goto(f"/fa/crisis/participants/{person.pk}/")
    phone.get_by_role("link", name="ثبت مقایسه‌ها").click()

    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    main = phone.locator("main")
    assert unlabelled_controls(main) == []
    # The demo's judgements of the five hazards fill all ten cells.
    selects = phone.locator("select[name^=pair_]")
    expect(selects).to_have_count(10)
    assert all(selects.evaluate_all("(all) => all.map((select) => select.value)"))
    # The matrix scrolls inside its frame; the page itself stays as wide as the phone.
    wrap = phone.locator(".ahp-matrix-wrap")
    assert wrap.evaluate("(el) => el.scrollWidth > el.clientWidth")
    assert not phone.evaluate(PAGE_IS_WIDER_THAN_SCREEN)
    screenshot(phone, "fa-phone-ahp-entry")

    # Reverse the first judgement completely: the ratio goes far above 0.10.
    first = selects.first
    first_label = first.evaluate("(select) => select.labels[0].textContent")
    phone.get_by_label(first_label, exact=True).select_option("second-9")
    phone.get_by_role("button", name="ذخیره").click()

    expect(phone.locator(".message-success")).to_be_visible()
    warning = phone.locator(".ahp-warning")
    expect(warning).to_be_visible()
    ratio = phone.locator(".ahp-cr strong").first.inner_text()
    assert re.fullmatch(r"[۰-۹]+[.٫][۰-۹]{3}", ratio)
    # The first listed comparison leads to its select.
    warning.locator("a").first.click()
    expect(phone.locator("select:focus, select:target")).to_have_count(1)
    assert not phone.evaluate(PAGE_IS_WIDER_THAN_SCREEN)
    screenshot(phone, "fa-phone-ahp-entry-warning")
