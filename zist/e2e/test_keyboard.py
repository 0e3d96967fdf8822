"""Without a mouse: the skip link comes first and shows itself, menus open with Enter and
close with Escape."""

import re

import pytest
from playwright.sync_api import expect

from zist.e2e import log_in

pytestmark = pytest.mark.e2e


def test_it_skips_to_the_content_and_works_the_menu_from_the_keyboard(page):
    log_in(page, "district3.rep")

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    # Shown on focus, at the start of a right-to-left line: the right-hand side.
    assert page.viewport_size["width"] / 2 < box["x"] < page.viewport_size["width"]
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fa/#main$"))
    expect(page.locator("main")).to_be_focused()

    group = page.locator("header nav.main-nav details.menu-group").first
    group.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(group).to_have_attribute("open", "")
    expect(group.locator("a").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(group).not_to_have_attribute("open", "")
    expect(group.locator("a").first).to_be_hidden()
