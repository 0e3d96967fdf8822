"""Sorting a register's list on a phone, in Persian and in Danish.

On a 390 px phone the list's rows are cards and the column headers, the desktop's way
to sort, are hidden; the filter panel's "Sort by" field is the way there. The person
sorts the actions by title, one way and then the other, and the rows shown must be
the ones she may see, in the order the database gives (ties by id in the sort's own
direction, decision 0032).
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from zist.actions.models import Action
from zist.e2e import log_in, screenshot
from zist.organisations.models import Unit
from zist.users.models import User

pytestmark = pytest.mark.e2e

TITLES = {
    "fa": ["کاهش پسماند کاغذ", "آموزش کارکنان", "بازدید ایمنی", "بازدید ایمنی", "پایش آب"],
    "da": [
        "Mindre papirspild",
        "Oplæring af personale",
        "Sikkerhedsrunde",
        "Sikkerhedsrunde",
        "Vandmåling",
    ],
}
# Sorted first either way, were it shown: in a unit the person may not see.
HIDDEN = {"fa": "آآآ پنهان", "da": "Aaa skjult"}


def _shown_ids(page) -> list[int]:
    """The ids of the actions on the page, in the order the cards show them."""
    hrefs = page.locator("table.register tbody tr td:first-child a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return [int(href.rstrip("/").rsplit("/", 1)[1]) for href in hrefs]


@pytest.mark.parametrize(
    ("lang", "username", "unit_code", "outside_code"),
    [
        ("fa", "district3.rep", "region2-d3", "region2-d4"),
        ("da", "albertslund.rep", "bibliotek", None),
    ],
)
def test_a_person_sorts_a_list_both_ways_on_a_phone(
    phone390, lang, username, unit_code, outside_code
):
    unit = Unit.objects.get(code=unit_code, organisation__language=lang)
    for number, title in enumerate(TITLES[lang]):
        Action.objects.create(unit=unit, title=title, due_date=dt.date(2027, 1, 10 + number))
    outside = (
        Unit.objects.get(code=outside_code, organisation__language=lang)
        if outside_code
        else Unit.objects.exclude(organisation=unit.organisation).first()
    )
    Action.objects.create(unit=outside, title=HIDDEN[lang], due_date=dt.date(2027, 1, 1))
    user = User.objects.get(username=username)
    mine = Action.objects.restrict(user, "view")
    assert not mine.filter(title=HIDDEN[lang]).exists()

    log_in(phone390, username)
    phone390.goto(f"/{lang}/actions/actions/")
    # The column headers are out of sight on a phone: the cards carry no header row.
    # (visually hidden: one clipped pixel, still read by a screen reader).
    assert phone390.locator("table.register thead").bounding_box()["width"] <= 1
    sort = phone390.locator("#id_sort")

    for value, order in (("title", ("title", "pk")), ("-title", ("-title", "-pk"))):
        # A phone folds the filter panel away: open it, as the person does.
        panel = phone390.locator("details.filter-panel")
        if not panel.evaluate("panel => panel.open"):
            panel.locator("summary").tap()
        expect(panel).to_have_attribute("open", "")
        sort.select_option(value)
        phone390.locator(".filters button[type=submit]").tap()
        phone390.wait_for_url(lambda url, value=value: f"sort={value}&" in url + "&")
        assert phone390.locator("#id_sort").input_value() == value
        expected = list(mine.order_by(*order).values_list("pk", flat=True))
        assert len(expected) == len(TITLES[lang])
        assert _shown_ids(phone390) == expected, value
        screenshot(phone390, f"{lang}-list-sorted-{value.replace('-', 'desc-')}")
    # The ties (two actions of the same title) came in the sort's own direction.
    twins = sorted(mine.filter(title=TITLES[lang][2]).values_list("pk", flat=True))
    shown = _shown_ids(phone390)
    assert shown.index(twins[1]) < shown.index(twins[0])
