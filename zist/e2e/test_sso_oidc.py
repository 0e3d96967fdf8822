"""Single sign-on through a real OpenID provider (panva's oidc-provider on Node, started
by the test): a new person of the city directory signs in on a Persian phone, gets an
account with no roles and sees nothing; once a role is granted in Zist they see that
unit's records and no others; signing in again finds the same account. A Danish person
whose directory address is that of an existing account signs in to that account, and
their directory group gives them a role as the group mapping says."""

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from zist.context.models import Issue
from zist.e2e import screenshot
from zist.e2e.conftest import PHONE_390, Watch, _new_page
from zist.organisations.models import Unit
from zist.sso.models import ExternalIdentity
from zist.sso.tests.provider import configure, oidc_provider
from zist.users.models import RoleAssignment, User
from zist.users.roles import Role

pytestmark = pytest.mark.e2e

DIRECTORY = {
    "s.tehrani": {
        "password": "directory-pass-1",
        "claims": {
            "email": "sara.tehrani@tehran.example",
            "email_verified": True,
            "given_name": "سارا",
            "family_name": "تهرانی",
            "preferred_username": "s.tehrani",
        },
    },
    "lars": {
        "password": "directory-pass-2",
        "claims": {
            "email": "albertslund.rep@example.org",
            "email_verified": True,
            "given_name": "Lars",
            "family_name": "Nielsen",
            "preferred_username": "lnie",
            "groups": ["miljoe-musikhuset", "kantine"],
        },
    },
}


class DirectoryWatch(Watch):
    """The live server's watch, with the provider's pages allowed too."""

    def __init__(self, server_url: str, issuer: str):
        super().__init__(server_url)
        self.provider = urlsplit(issuer).netloc

    def foreign_requests(self) -> list[str]:
        return [url for url in super().foreign_requests() if urlsplit(url).netloc != self.provider]


@pytest.fixture
def directory(live_server, demo, settings):
    with oidc_provider(f"{live_server.url}/sso/oidc/callback/", DIRECTORY) as issuer:
        configure(settings, issuer, name="سامانهٔ هویت شهرداری")
        yield issuer


def _tab(browser, live_server, issuer, **options):
    watch = DirectoryWatch(live_server.url, issuer)
    context, page = _new_page(browser, live_server, watch, **options)
    return watch, context, page


def _sign_in_at_directory(page, login: str) -> None:
    expect(page.locator("h1")).to_have_text("City directory")
    page.get_by_label("Username").fill(login)
    page.get_by_label("Password").fill(DIRECTORY[login]["password"])
    page.get_by_role("button", name="Sign in").click()


def _issue(unit: Unit, title: str) -> Issue:
    return Issue.objects.create(unit=unit, title=title, origin="internal", category="other")


def test_a_new_person_signs_in_on_a_persian_phone_and_sees_what_zist_grants(
    browser, live_server, directory
):
    tehran = Unit.objects.get(organisation__name="شهرداری تهران", code="region2-d1")
    elsewhere = Unit.objects.get(organisation__name="شهرداری تهران", code="region2-d2")
    _issue(tehran, "پسماند ساختمانی ناحیه یک")
    _issue(elsewhere, "آلودگی صوتی ناحیه دو")
    users_before = User.objects.count()
    watch, context, page = _tab(browser, live_server, directory, **PHONE_390, locale="fa-IR")

    page.goto("/fa/login/")
    button = page.get_by_role("link", name="ورود با سامانهٔ هویت شهرداری")
    expect(button).to_be_visible()
    screenshot(page, "fa-sso-login")
    button.tap()
    _sign_in_at_directory(page, "s.tehrani")

    # In Zist, in Persian, as a new account that holds no role.
    expect(page).to_have_url(re.compile(r"/fa/$"))
    expect(page.locator("main")).to_contain_text("هنوز نقشی ندارید")
    screenshot(page, "fa-sso-new-user-home")
    assert User.objects.count() == users_before + 1
    user = User.objects.get(email="sara.tehrani@tehran.example")
    assert (user.username, user.first_name, user.last_name) == ("s.tehrani", "سارا", "تهرانی")
    assert user.is_active and not user.is_superuser and not user.has_usable_password()
    assert user.language == "fa"
    assert not user.role_assignments.exists()
    [identity] = ExternalIdentity.objects.filter(user=user)
    assert (identity.issuer, identity.subject) == (directory, "s.tehrani")

    page.goto("/fa/context/issues/")
    expect(page.locator("main")).not_to_contain_text("پسماند ساختمانی")
    expect(page.locator("main")).not_to_contain_text("آلودگی صوتی")

    # A role granted in Zist, on one district: that district's records, no others.
    RoleAssignment.objects.create(user=user, role=Role.VIEWER, unit=tehran)
    page.goto("/fa/context/issues/")
    expect(page.locator("main")).to_contain_text("پسماند ساختمانی ناحیه یک")
    expect(page.locator("main")).not_to_contain_text("آلودگی صوتی")
    screenshot(page, "fa-sso-granted-list")

    # Out and in again: the same account, found by the directory's subject.
    page.locator("summary.menu-toggle").tap()  # the phone's menu holds "log out"
    page.get_by_role("button", name="خروج").tap()
    expect(page).to_have_url(re.compile(r"/fa/login/$"))
    page.get_by_role("link", name="ورود با سامانهٔ هویت شهرداری").tap()
    if page.locator("h1").inner_text() == "City directory":  # the directory forgot us
        _sign_in_at_directory(page, "s.tehrani")
    expect(page).to_have_url(re.compile(r"/fa/$"))
    expect(page.locator("main")).to_contain_text("مشاهده‌گر")
    assert User.objects.count() == users_before + 1
    assert ExternalIdentity.objects.filter(user=user).count() == 1
    context.close()
    watch.assert_clean()


def test_a_danish_person_signs_in_to_the_account_with_their_address(
    browser, live_server, directory, settings
):
    settings.ZIST_OIDC_PROVIDER_NAME = "Albertslund AD"
    # The directory's group "miljoe-musikhuset" gives the viewer role on Musikhuset.
    settings.ZIST_SSO_GROUP_ROLES = json.dumps(
        [
            {
                "group": "miljoe-musikhuset",
                "role": "viewer",
                "organisation": "Albertslund Kommune",
                "unit": "musikhuset",
            }
        ]
    )
    library = Unit.objects.get(organisation__name="Albertslund Kommune", code="bibliotek")
    music = Unit.objects.get(organisation__name="Albertslund Kommune", code="musikhuset")
    pool = Unit.objects.get(organisation__name="Albertslund Kommune", code="svommehal")
    _issue(library, "Lysstyring i læsesalen")
    _issue(music, "Støj fra koncertsalen")
    _issue(pool, "Klor i bassinvandet")
    lars = User.objects.get(username="albertslund.rep")
    users_before = User.objects.count()
    watch, context, page = _tab(browser, live_server, directory, locale="da-DK")

    page.goto("/da/login/")
    page.get_by_role("link", name="Log ind med Albertslund AD").click()
    _sign_in_at_directory(page, "lars")
    expect(page).to_have_url(re.compile(r"/da/$"))
    screenshot(page, "da-sso-matched-home")

    assert User.objects.count() == users_before
    identity = ExternalIdentity.objects.get(subject="lars")
    assert identity.user == lars
    # His own grant on the library, and the group's on Musikhuset; nothing else.
    assert {(g.role, g.unit.code) for g in lars.role_assignments.all()} == {
        ("environmental_representative", "bibliotek"),
        ("viewer", "musikhuset"),
    }
    page.goto("/da/context/issues/")
    expect(page.locator("main")).to_contain_text("Lysstyring i læsesalen")
    expect(page.locator("main")).to_contain_text("Støj fra koncertsalen")
    expect(page.locator("main")).not_to_contain_text("Klor i bassinvandet")
    screenshot(page, "da-sso-group-role-list")
    context.close()
    watch.assert_clean()


def test_with_passwords_off_a_phone_shows_only_the_directory(
    browser, live_server, directory, settings
):
    settings.ZIST_LOCAL_PASSWORDS = False
    watch, context, page = _tab(browser, live_server, directory, **PHONE_390, locale="fa-IR")
    page.goto("/fa/login/")
    expect(page.get_by_role("link", name="ورود با سامانهٔ هویت شهرداری")).to_be_visible()
    expect(page.locator("input[type=password]")).to_have_count(0)
    expect(page.get_by_role("link", name="گذرواژه را فراموش کرده‌اید؟")).to_have_count(0)
    screenshot(page, "fa-sso-passwords-off")
    page.get_by_role("link", name="ورود با سامانهٔ هویت شهرداری").tap()
    _sign_in_at_directory(page, "s.tehrani")
    expect(page).to_have_url(re.compile(r"/fa/$"))
    context.close()
    watch.assert_clean()
