"""The OpenID Connect flow against the real provider without a browser: Django's test
client plays Zist's side, `requests` the person at the provider's sign-in page."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from zist.sso.tests.provider import configure, oidc_provider
from zist.users.models import User

pytestmark = pytest.mark.django_db

ACCOUNTS = {
    "pekka": {
        "password": "directory-pass-3",
        "claims": {"email": "pekka@kemi.example", "email_verified": True, "given_name": "Pekka"},
    }
}


@pytest.fixture
def provider(settings):
    with oidc_provider("http://testserver/sso/oidc/callback/", ACCOUNTS) as issuer:
        configure(settings, issuer, name="Kemin hakemisto")
        yield issuer


def through_provider(client, next_url: str, login: str, password: str) -> str:
    """Start at Zist, sign in at the provider; the callback address it sends back."""
    url = client.get("/sso/oidc/login/", {"next": next_url})["Location"]
    browser = requests.Session()
    while True:
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.status_code not in (302, 303):
            break
        url = urljoin(url, response.headers["Location"])
        if url.startswith("http://testserver/"):
            return url
    action = re.search(r'action="([^"]+)"', response.text).group(1)
    response = browser.post(
        urljoin(url, action), {"login": login, "password": password}, allow_redirects=False
    )
    while not response.headers["Location"].startswith("http://testserver/"):
        url = urljoin(url, response.headers["Location"])
        response = browser.get(url, allow_redirects=False, timeout=10)
    return response.headers["Location"]


def test_a_new_account_waits_for_an_administrator_when_told_to(provider, client, settings):
    settings.ZIST_SSO_NEW_USERS_ACTIVE = False
    callback = through_provider(client, "/fi/", "pekka", "directory-pass-3")
    response = client.get(urlsplit(callback).path + "?" + urlsplit(callback).query, follow=True)
    assert response.redirect_chain[-1][0] == "/fi/login/"
    assert "Tilisi ei ole käytössä." in response.content.decode()
    assert "_auth_user_id" not in client.session
    pekka = User.objects.get(email="pekka@kemi.example")
    assert not pekka.is_active and pekka.first_name == "Pekka"


def test_a_code_works_once(provider, client):
    callback = urlsplit(through_provider(client, "/fi/", "pekka", "directory-pass-3"))
    path = f"{callback.path}?{callback.query}"
    assert client.get(path)["Location"] == "/fi/"
    client.post("/fi/logout/")
    replay = client.get(path, follow=True)
    assert replay.redirect_chain[-1][0].endswith("/login/")
    assert "_auth_user_id" not in client.session
