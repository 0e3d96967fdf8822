"""A Persian user on a phone who forgot their password: asks for a link, reads the mail,
sets a new password, logs in with it; their API token is revoked."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from zist.e2e import screenshot
from zist.e2e.conftest import PHONE_390, _new_page
from zist.users.models import ApiToken, User

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "یک گذرواژهٔ تازه و بلند"


@pytest.fixture
def persian_phone(browser, live_server, demo, watch):
    """A 390×844 phone reading Persian."""
    context, page = _new_page(browser, live_server, watch, **PHONE_390, locale="fa-IR")
    yield page
    context.close()
    watch.assert_clean()


def test_a_persian_user_resets_a_forgotten_password(persian_phone, live_server, settings):
    page = persian_phone
    settings.ZIST_BASE_URL = live_server.url
    user = User.objects.get(username="district3.rep")
    token, key = ApiToken.issue(user, "meter feed")

    page.goto("/fa/login/")
    page.get_by_role("link", name="گذرواژه را فراموش کرده‌اید؟").tap()
    expect(page).to_have_url(re.compile(r"/fa/password/reset/$"))
    expect(page.locator("h1")).to_have_text("بازنشانی گذرواژه")
    page.locator("input[name=email]").fill(user.email)
    screenshot(page, "fa-reset-request")
    page.get_by_role("button", name="فرستادن پیوند").tap()

    expect(page).to_have_url(re.compile(r"/fa/password/reset/sent/$"))
    expect(page.locator("main")).to_contain_text("۶۰ دقیقه")
    screenshot(page, "fa-reset-sent")
    [message] = mail.outbox
    assert message.to == [user.email]
    assert "بازنشانی گذرواژهٔ زیست" in message.subject
    link = re.search(r"https?://\S+", message.body).group(0)
    assert link.startswith(f"{live_server.url}/fa/password/reset/")

    page.goto(link)
    expect(page.locator("h1")).to_have_text("تعیین گذرواژهٔ تازه")
    page.locator("input[name=new_password1]").fill(NEW_PASSWORD)
    page.locator("input[name=new_password2]").fill(NEW_PASSWORD)
    screenshot(page, "fa-reset-new-password")
    page.get_by_role("button", name="ذخیرهٔ گذرواژهٔ تازه").tap()

    expect(page).to_have_url(re.compile(r"/fa/password/reset/done/$"))
    expect(page.locator("h1")).to_have_text("گذرواژهٔ شما تنظیم شد")
    screenshot(page, "fa-reset-done")
    page.locator("main").get_by_role("link", name="ورود").tap()
    page.locator("input[name=username]").fill("district3.rep")
    page.locator("input[name=password]").fill(NEW_PASSWORD)
    page.locator("main form button[type=submit]").tap()
    expect(page.locator("time.today-date")).to_be_visible()

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    # The same link does not work twice.
    page.goto(link)
    expect(page.locator("h1")).to_have_text("این پیوند کار نمی‌کند")
