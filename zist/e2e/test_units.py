"""An administrator adds a unit through the pages, then reads the same page in Danish."""

import re

import pytest
from playwright.sync_api import expect

from zist.e2e import log_in, screenshot, unlabelled_controls
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e

NAME = "بوستان ناحیه ۳"
CODE = "region2-d3-park"


def test_it_creates_a_unit_under_district_3_and_shows_it_in_danish(page, live_server):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    log_in(page, "tehran.admin")

    page.goto("/fa/organisation/units/")
    page.locator("table.register").get_by_role("link", name=district3.name, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/fa/organisation/units/{district3.pk}/$"))
    page.locator(f'a[href$="/organisation/units/add/?parent={district3.pk}"]').click()
    expect(page.locator("#id_parent")).to_have_value(str(district3.pk))
    page.locator("#id_name").fill(NAME)
    page.locator("#id_code").fill(CODE)
    page.locator("#id_kind").select_option("site")
    page.locator("main form.record-form button[type=submit]").click()

    unit = Unit.objects.get(organisation=district3.organisation, code=CODE)
    assert (unit.name, unit.kind, unit.depth) == (NAME, "site", district3.depth + 1)
    assert unit.path.startswith(district3.path)
    expect(page).to_have_url(f"{live_server.url}/fa/organisation/units/{unit.pk}/")
    expect(page.locator("h1")).to_have_text(NAME)

    page.goto("/fa/organisation/units/")
    expect(page.locator("table.register").get_by_role("link", name=NAME)).to_be_visible()

    page.goto(f"/fa/organisation/units/{unit.pk}/")
    page.locator("#language-select").select_option("da")
    expect(page).to_have_url(f"{live_server.url}/da/organisation/units/{unit.pk}/")
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "da")
    expect(html).to_have_attribute("dir", "ltr")
    expect(page.locator("h1")).to_have_text(NAME)
    assert page.locator(".site-header .brand").bounding_box()["x"] < 40
    expect(page.locator(".site-header button[type=submit]").last).to_have_text("Log ud")
    expect(page.locator("main .page-head .actions")).to_contain_text("Historik")
    expect(page.locator("dl.fields")).to_contain_text("Overordnet enhed")  # Parent unit
    screenshot(page, "da-unit-detail")


def test_it_labels_every_field_of_the_unit_form_and_of_the_list_filters(page):
    log_in(page, "tehran.admin")

    page.goto("/fa/organisation/units/add/")
    form = page.locator("main form.record-form")
    expect(form.locator("#id_name")).to_be_visible()
    assert unlabelled_controls(form) == []

    page.goto("/fa/organisation/units/")
    filters = page.locator("main form.filters")
    expect(filters.locator("#id_as_of")).to_be_visible()
    assert unlabelled_controls(filters) == []
    # The header's language selector is labelled too (visually hidden).
    assert unlabelled_controls(page.locator("header")) == []
    screenshot(page, "fa-unit-list")
