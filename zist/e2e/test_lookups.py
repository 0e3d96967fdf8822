"""Typed look-ups on a phone: a Persian administrator types a district's name in
Persian digits into an action's unit and saves; a Danish manager types part of a meter
code into the readings list's filter and filters. The database holds what was picked.
"""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from zist.actions.models import Action
from zist.e2e import log_in, screenshot, unlabelled_controls
from zist.meters.models import Meter, Reading
from zist.organisations.models import Unit

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _few_choices_make_a_look_up(settings):
    # The demo's organisations are small; at national size every unit choice is typed.
    settings.ZIST_LOOKUP_ABOVE = 3


def test_a_persian_administrator_types_a_district_in_persian_digits_and_saves(phone390):
    district3 = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    log_in(phone390, "tehran.admin")

    phone390.goto("/fa/actions/actions/add/")
    unit = phone390.locator("#id_unit")
    expect(unit).to_have_attribute("role", "combobox")
    assert unlabelled_controls(phone390.locator("main form.record-form")) == []
    unit.press_sequentially("ناحیه ۳")
    option = phone390.get_by_role("option", name=district3.name, exact=True)
    expect(option).to_be_visible()
    expect(unit).to_have_attribute("aria-expanded", "true")
    # The list opens under the input, on the right-to-left page's start side.
    box, listed = unit.bounding_box(), phone390.locator("#id_unit_listbox").bounding_box()
    assert abs((box["x"] + box["width"]) - (listed["x"] + listed["width"])) < 2
    screenshot(phone390, "fa-phone-unit-lookup")
    unit.press("ArrowDown")
    expect(option).to_have_attribute("aria-selected", "true")
    unit.press("Enter")
    expect(unit).to_have_value(district3.name)
    expect(unit).to_have_attribute("aria-expanded", "false")
    phone390.locator("#id_title").fill("کاهش مصرف آب")
    phone390.locator("main form.record-form button[type=submit]").first.click()

    expect(phone390).to_have_url(re.compile(r"/fa/actions/actions/\d+/$"))
    assert Action.objects.get(title="کاهش مصرف آب").unit == district3


def test_a_danish_manager_filters_readings_by_a_meter_typed_in_the_filter(phone390):
    library = Unit.objects.get(code="bibliotek", organisation__language="da")
    meters = [
        Meter.objects.create(
            unit=library, code=f"BIB-EL-{n}", carrier="electricity", measure_unit="kWh"
        )
        for n in range(1, 6)
    ]
    start = timezone.make_aware(dt.datetime(2026, 11, 1))
    for index, meter in enumerate(meters):
        for day in range(index + 1):
            Reading.objects.create(meter=meter, timestamp=start + dt.timedelta(days=day), value=1)
    chosen = meters[2]
    log_in(phone390, "albertslund.manager")

    phone390.goto("/da/meters/readings/")
    phone390.locator("details.filter-panel > summary").click()
    meter = phone390.locator("#id_meter")
    expect(meter).to_have_attribute("role", "combobox")
    meter.press_sequentially("el-3")
    phone390.get_by_role("option", name="BIB-EL-3", exact=True).click()
    expect(meter).to_have_value("BIB-EL-3")
    phone390.locator("main form.filters button[type=submit]").click()

    expect(phone390).to_have_url(re.compile(rf"[?&]meter={chosen.pk}(&|$)"))
    rows = phone390.locator("table.register tbody tr")
    expect(rows).to_have_count(Reading.objects.filter(meter=chosen).count())
    expect(phone390.locator("table.register tbody")).not_to_contain_text("BIB-EL-4")
    expect(phone390.locator("#id_meter")).to_have_value("BIB-EL-3")
    expect(phone390.locator("p.count")).to_contain_text("3")
