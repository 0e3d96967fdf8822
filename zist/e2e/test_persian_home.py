"""A Persian user's home page: right to left, today in the Jalali calendar, Persian digits."""

import datetime as dt
from zoneinfo import ZoneInfo

import jdatetime
import pytest
from playwright.sync_api import expect

from zist.core.calendars import to_persian_digits
from zist.e2e import log_in, screenshot

pytestmark = pytest.mark.e2e


def jalali_today_in_tehran() -> str:
    today = dt.datetime.now(ZoneInfo("Asia/Tehran")).date()
    j = jdatetime.date.fromgregorian(date=today)
    return to_persian_digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}")


def test_it_shows_a_right_to_left_page_with_jalali_today_in_persian_digits(page, live_server):
    before = jalali_today_in_tehran()
    log_in(page, "district3.rep")
    after = jalali_today_in_tehran()

    expect(page).to_have_url(f"{live_server.url}/fa/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "fa")
    expect(html).to_have_attribute("dir", "rtl")
    # Mirrored: the name of the application starts the header on the right.
    width = page.viewport_size["width"]
    brand = page.locator(".site-header .brand").bounding_box()
    assert brand["x"] + brand["width"] > width - 40
    shown = page.locator("time.today-date").inner_text()
    # The test may straddle midnight in Tehran; either side of it is right.
    assert shown in {before, after}
    assert not any(ch.isascii() and ch.isdigit() for ch in shown)
    screenshot(page, "fa-home")
