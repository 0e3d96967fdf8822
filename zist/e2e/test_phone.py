"""On a small phone the header folds into "Menu", its groups open, its links work, and a
register list fits the screen."""

import re

import pytest
from playwright.sync_api import expect

from zist.e2e import log_in, screenshot

pytestmark = pytest.mark.e2e

PAGE_IS_WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"


def test_it_opens_a_menu_group_and_follows_a_link_to_a_register_list(phone):
    log_in(phone, "district3.rep")
    assert not phone.evaluate(PAGE_IS_WIDER_THAN_SCREEN)

    # The header is one line: the menu and the tools fold into "Menu".
    header = phone.locator("header.site-header")
    assert header.bounding_box()["height"] <= 60
    nav = phone.locator("header nav.main-nav")
    expect(nav).to_be_hidden()
    phone.locator("header summary.menu-toggle").tap()
    expect(nav).to_be_visible()
    units = nav.locator('a[href="/fa/organisation/units/"]')
    expect(units).to_be_hidden()
    nav.locator("summary", has_text="سازمان").tap()  # the "Organisation" group
    expect(units).to_be_visible()
    screenshot(phone, "fa-phone-menu")
    units.tap()

    expect(phone).to_have_url(re.compile(r"/fa/organisation/units/$"))
    table = phone.locator("table.register")
    expect(table).to_be_visible()
    # The filters start folded away, so the register itself is on the first screen…
    filters = phone.locator("details.filter-panel")
    expect(filters.locator("form.filters")).to_be_hidden()
    assert table.bounding_box()["y"] < 740
    # …and wide tables scroll inside their own box: the page does not scroll sideways.
    assert not phone.evaluate(PAGE_IS_WIDER_THAN_SCREEN)
    screenshot(phone, "fa-phone-list")
    filters.locator("summary").tap()
    expect(filters.locator("form.filters")).to_be_visible()
    table.locator("tbody a").first.tap()
    expect(phone).to_have_url(re.compile(r"/fa/organisation/units/\d+/$"))
