"""In a real browser: two people edit the same action at once, one in Persian on a
phone, one in Danish at a desk. The second save is stopped with both values shown, and
nothing either of them typed is lost."""

import pytest
from django.utils import translation
from playwright.sync_api import expect

from zist.actions.models import Action
from zist.e2e import log_in, screenshot
from zist.e2e.conftest import PHONE_390, _new_page
from zist.organisations.models import Unit
from zist.users.models import User

pytestmark = pytest.mark.e2e

PAGE_IS_WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"
PERSIAN_TITLE = "عایق‌کاری بام و زیرشیروانی"


def _fa(text: str) -> str:
    with translation.override("fa"):
        return translation.gettext(text)


@pytest.fixture
def two_people(browser, live_server, demo, watch):
    """A Persian tab on a 390×844 phone and a Danish tab on a desktop, each logged in
    as its own person, both allowed to change District 3's actions."""
    User.objects.filter(username="admin").update(language="da")
    phone_context, phone = _new_page(browser, live_server, watch, **PHONE_390)
    desk_context, desk = _new_page(
        browser, live_server, watch, viewport={"width": 1280, "height": 900}
    )
    log_in(phone, "region2.manager")
    log_in(desk, "admin")
    yield phone, desk
    phone_context.close()
    desk_context.close()
    watch.assert_clean()


def test_the_second_save_shows_both_values_and_keeps_the_first(two_people, watch):
    phone, desk = two_people
    action = Action.objects.create(
        unit=Unit.objects.get(code="region2-d3"), title="عایق‌کاری بام", kind="task"
    )
    path = f"/actions/actions/{action.pk}/edit/"
    watch.allow(409, f"/fa{path}")
    phone.goto(f"/fa{path}")
    desk.goto(f"/da{path}")
    expect(phone.locator("html")).to_have_attribute("dir", "rtl")
    expect(desk.locator("html")).to_have_attribute("lang", "da")

    # The Danish colleague marks it done and saves first.
    desk.locator("[name=status]").select_option("done")
    desk.locator("[name=progress]").fill("100")
    desk.locator("main form.record-form button[type=submit]").click()
    expect(desk.locator(".message-success")).to_be_visible()

    # The Persian manager, on the page opened before that save, changes the title.
    phone.locator("[name=title]").fill(PERSIAN_TITLE)
    phone.locator("main form.record-form button[type=submit]").tap()

    conflict = phone.locator("section.conflict")
    expect(conflict).to_be_visible()
    expect(conflict.locator("h2")).to_have_text(_fa("Someone else changed this record"))
    status = conflict.locator(".conflict-field", has_text=_fa("Status").capitalize())
    expect(status.locator(".conflict-theirs")).to_have_text(_fa("Done"))
    expect(status.locator(".conflict-yours")).to_have_text(_fa("Open"))
    progress = conflict.locator(".conflict-field", has_text="٪")  # the Persian per cent sign
    expect(progress.locator(".conflict-theirs")).to_have_text("۱۰۰")
    expect(progress.locator(".conflict-yours")).to_have_text("۰")
    expect(phone.locator("[name=title]")).to_have_value(PERSIAN_TITLE)
    assert not phone.evaluate(PAGE_IS_WIDER_THAN_SCREEN)
    screenshot(phone, "fa-phone-edit-conflict")
    action.refresh_from_db()
    assert (action.title, action.status, action.progress) == ("عایق‌کاری بام", "done", 100)

    # Having read both, the manager takes the colleague's status and saves again.
    phone.locator("[name=status]").select_option("done")
    phone.locator("[name=progress]").fill("100")
    phone.locator("main form.record-form button[type=submit]").tap()
    expect(phone.locator(".message-success")).to_be_visible()
    action.refresh_from_db()
    assert (action.title, action.status, action.progress) == (PERSIAN_TITLE, "done", 100)
    assert [row.history_user.username for row in action.history.order_by("history_id")[1:]] == [
        "admin",
        "region2.manager",
    ]
