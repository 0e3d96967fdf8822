"""Single sign-on through a real SAML 2.0 identity provider (pysaml2's IdP, started by
the test with a fresh key): a Finnish person signs in, gets an account with no roles,
and finds the same account on the next sign-in; an assertion nobody asked for is
refused in words."""

import re

import pytest
from playwright.sync_api import expect

from zist.e2e import screenshot
from zist.e2e.conftest import _new_page
from zist.e2e.test_sso_oidc import DirectoryWatch
from zist.sso import saml
from zist.sso.models import ExternalIdentity
from zist.sso.tests.saml_idp import saml_idp
from zist.users.models import User

pytestmark = pytest.mark.e2e

STAFF = {
    "aino": {
        "password": "staff-directory-pw",
        "name_id": "a1f0c2d9-aino",
        "attributes": {
            "mail": ["aino.virtanen@kemi.example"],
            "givenName": ["Aino"],
            "sn": ["Virtanen"],
            "uid": ["aino.v"],
        },
    }
}


@pytest.fixture
def staff_directory(live_server, demo, settings, tmp_path):
    with saml_idp(tmp_path, STAFF) as idp:
        settings.ZIST_BASE_URL = live_server.url
        settings.ZIST_SAML_IDP_METADATA = str(idp.metadata_path)
        settings.ZIST_SAML_PROVIDER_NAME = "Kemin henkilöstöhakemisto"
        # The test's IdP and Zist are both on http://localhost: one site, so the
        # request's cookie may be Lax (on HTTPS it is SameSite=None and Secure).
        settings.SAML_SESSION_COOKIE_SAMESITE = "Lax"
        from saml2.metadata import entity_descriptor

        idp.trust(str(entity_descriptor(saml.config_loader())))
        yield idp


def _sign_in(page, login: str) -> None:
    expect(page.locator("h1")).to_have_text("Staff directory")
    page.get_by_label("Username").fill(login)
    page.get_by_label("Password").fill(STAFF[login]["password"])
    page.get_by_role("button", name="Sign in").click()


def test_a_finnish_person_signs_in_through_saml(browser, live_server, staff_directory):
    users_before = User.objects.count()
    watch = DirectoryWatch(live_server.url, staff_directory.base)
    context, page = _new_page(browser, live_server, watch, locale="fi-FI")

    page.goto("/fi/login/")
    page.get_by_role("link", name="Kirjaudu palvelulla Kemin henkilöstöhakemisto").click()
    _sign_in(page, "aino")
    expect(page).to_have_url(re.compile(r"/fi/$"))
    expect(page.locator("main")).to_contain_text("Sinulla ei ole vielä rooleja")
    screenshot(page, "fi-saml-new-user-home")

    user = User.objects.get(email="aino.virtanen@kemi.example")
    assert (user.username, user.first_name, user.last_name) == ("aino.v", "Aino", "Virtanen")
    assert user.language == "fi" and not user.role_assignments.exists()
    assert not user.has_usable_password()
    [identity] = ExternalIdentity.objects.filter(user=user)
    assert (identity.issuer, identity.subject) == (staff_directory.entity_id, "a1f0c2d9-aino")

    # Out, and in again: the same account.
    page.get_by_role("button", name="Kirjaudu ulos").click()
    expect(page).to_have_url(re.compile(r"/fi/login/$"))
    page.get_by_role("link", name="Kirjaudu palvelulla Kemin henkilöstöhakemisto").click()
    _sign_in(page, "aino")
    expect(page).to_have_url(re.compile(r"/fi/$"))
    assert User.objects.count() == users_before + 1
    assert ExternalIdentity.objects.filter(user=user).count() == 1
    context.close()
    watch.assert_clean()
