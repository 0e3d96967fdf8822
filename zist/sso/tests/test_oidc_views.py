"""The two OpenID Connect endpoints without a provider behind them: what they send the
browser to, and that every failure ends on the login page in words (never an error
page, never a signed-in session)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

CONFIGURED = override_settings(
    ZIST_OIDC_ISSUER="http://127.0.0.1:9",
    ZIST_OIDC_PROVIDER_NAME="City directory",
    OIDC_RP_CLIENT_ID="zist",
    OIDC_RP_CLIENT_SECRET="secret",
    # Port 9 (discard) answers nobody on loopback.
    OIDC_OP_AUTHORIZATION_ENDPOINT="http://127.0.0.1:9/auth",
)


def test_it_is_not_there_until_configured(client):
    assert client.get("/sso/oidc/login/").status_code == 404
    assert client.get("/sso/oidc/callback/?code=x&state=y").status_code == 404


@CONFIGURED
def test_it_sends_the_browser_with_state_nonce_and_pkce(client):
    response = client.get("/sso/oidc/login/?next=/fa/context/issues/")
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == "http://127.0.0.1:9/auth"
    query = {key: value for key, [value] in parse_qs(target.query).items()}
    assert query["client_id"] == "zist" and query["response_type"] == "code"
    assert query["redirect_uri"] == "http://testserver/sso/oidc/callback/"
    assert query["code_challenge_method"] == "S256" and len(query["code_challenge"]) == 43
    [state] = client.session["oidc_states"]
    assert query["state"] == state
    assert query["nonce"] == client.session["oidc_states"][state]["nonce"]
    assert client.session["oidc_login_next"] == "/fa/context/issues/"


@CONFIGURED
@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x"])
def test_it_never_returns_people_to_another_site(client, next_url):
    client.get("/sso/oidc/login/", {"next": next_url})
    assert client.session["oidc_login_next"] is None


@override_settings(
    ZIST_OIDC_ISSUER="http://127.0.0.1:9",
    ZIST_OIDC_PROVIDER_NAME="City directory",
    OIDC_RP_CLIENT_ID="zist",
    OIDC_TIMEOUT=2,
)
def test_an_unreachable_provider_is_said_in_words(client):
    response = client.get("/sso/oidc/login/?next=/fa/", follow=True)
    assert response.redirect_chain[-1][0] == "/fa/login/"
    assert "ورود با City directory انجام نشد. دوباره تلاش کنید." in response.content.decode()


@CONFIGURED
def test_an_answer_for_another_sign_in_is_refused(client):
    client.get("/sso/oidc/login/?next=/da/")
    response = client.get("/sso/oidc/callback/?code=stolen&state=not-ours", follow=True)
    assert response.redirect_chain[-1][0] == "/da/login/"
    assert "Login med City directory lykkedes ikke." in response.content.decode()
    assert "_auth_user_id" not in client.session


@CONFIGURED
def test_an_answer_without_a_sign_in_started_here_is_refused(client):
    response = client.get("/sso/oidc/callback/?code=x&state=y", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("/login/")
    assert "_auth_user_id" not in client.session


@CONFIGURED
def test_the_provider_saying_no_is_said_in_words(client):
    client.get("/sso/oidc/login/?next=/fi/")
    [state] = client.session["oidc_states"]
    response = client.get(
        "/sso/oidc/callback/", {"error": "access_denied", "state": state}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/fi/login/"
    assert "Kirjautuminen palvelulla City directory ei onnistunut." in response.content.decode()
    assert client.session["oidc_states"] == {}
