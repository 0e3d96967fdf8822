"""A Persian user types a Jalali date in Persian digits; Zist stores the Gregorian date."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from zist.actions.models import Action
from zist.e2e import log_in
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e


def test_it_stores_a_jalali_due_date_typed_in_persian_digits_as_gregorian(page):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    log_in(page, "region2.manager")

    page.goto("/fa/actions/actions/add/")
    page.locator("#id_unit").select_option(str(district3.pk))
    page.locator("#id_title").fill("کاشت درخت در بوستان ناحیه ۳")
    # 15 Azar 1405: 1 Farvardin 1405 is 21 March 2026, and 6×31 + 2×30 + 14 = 260 days
    # later is 6 December 2026.
    page.locator("#id_due_date").fill("۱۴۰۵/۰۹/۱۵")
    page.locator("main form.record-form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/fa/actions/actions/\d+/$"))
    action = Action.objects.get(title="کاشت درخت در بوستان ناحیه ۳")
    assert action.due_date == dt.date(2026, 12, 6)
    # …and reads back as the user typed it.
    expect(page.locator("dl.fields")).to_contain_text("۱۴۰۵/۰۹/۱۵")


def test_it_refuses_a_jalali_date_that_does_not_exist_and_saves_nothing(page, watch):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    watch.allow(400, "/fa/actions/actions/add/")
    log_in(page, "region2.manager")

    page.goto("/fa/actions/actions/add/")
    page.locator("#id_unit").select_option(str(district3.pk))
    page.locator("#id_title").fill("تاریخ نادرست")
    page.locator("#id_due_date").fill("۱۴۰۵/۱۳/۰۱")  # there is no 13th month
    page.locator("main form.record-form button[type=submit]").click()

    error = page.locator("#id_due_date_error")
    # The example of a good date is in the user's calendar and digits.
    expect(error).to_contain_text("۱۴۰۳/۰۱/۰۱")
    expect(page.locator("#id_due_date")).to_have_value("۱۴۰۵/۱۳/۰۱")
    assert not Action.objects.filter(title="تاریخ نادرست").exists()
