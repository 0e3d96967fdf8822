"""SAML 2.0 without a browser: Zist's AuthnRequest answered by pysaml2's real IdP
(zist.sso.tests.saml_idp), the assertion posted back as a browser would. A good one
signs the person in; the same one again, one signed with another key, and one nobody
asked for are refused in words and sign nobody in."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from saml2.metadata import entity_descriptor

from zist.sso import saml
from zist.sso.models import ExternalIdentity
from zist.sso.tests.saml_idp import identity_provider
from zist.users.models import User
from zist.users.roles import Role

pytestmark = pytest.mark.django_db

STAFF = {
    "aino": {
        "password": "pw",
        "name_id": "a1f0c2d9",
        "attributes": {"mail": ["aino@kemi.example"], "givenName": ["Aino"], "uid": ["aino"]},
    }
}


@pytest.fixture
def idp(tmp_path, settings):
    provider = identity_provider(tmp_path, STAFF)
    settings.ZIST_BASE_URL = "http://testserver"
    settings.ZIST_SAML_IDP_METADATA = str(provider.metadata_path)
    settings.ZIST_SAML_PROVIDER_NAME = "Staff directory"
    provider.trust(str(entity_descriptor(saml.config_loader())))
    yield provider
    provider.server.server_close()


def ask(client, next_url="/fi/"):
    """Start a sign-in; the AuthnRequest as the IdP parses it, and the RelayState."""
    response = client.get("/sso/saml/login/", {"next": next_url})
    assert response.status_code == 302
    query = {key: value for key, [value] in parse_qs(urlsplit(response["Location"]).query).items()}
    return query


def answer(idp, query, login="aino") -> str:
    """The IdP's signed response (base64), as its auto-submitting form would post it."""
    request = idp.idp.parse_authn_request(
        query["SAMLRequest"], "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
    )
    html = idp._answer(request, query.get("RelayState", ""), login, STAFF[login])
    return html.split('name="SAMLResponse" value="')[1].split('"')[0]


def test_it_signs_in_the_person_the_idp_vouches_for(idp, client):
    query = ask(client, "/fi/context/issues/")
    response = client.post(
        "/sso/saml/acs/", {"SAMLResponse": answer(idp, query), "RelayState": query["RelayState"]}
    )
    assert response.status_code == 302 and response["Location"] == "/fi/context/issues/"
    user = User.objects.get(username="aino")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert ExternalIdentity.objects.get(user=user).subject == "a1f0c2d9"


def test_it_matches_an_account_by_address(idp, client, cast, make_user):
    aino = make_user(Role.VIEWER, cast.inside, username="aino.k", email="AINO@kemi.example")
    query = ask(client)
    client.post("/sso/saml/acs/", {"SAMLResponse": answer(idp, query), "RelayState": "/fi/"})
    assert int(client.session["_auth_user_id"]) == aino.pk


def test_it_refuses_the_same_assertion_twice(idp, client):
    query = ask(client)
    saml_response = answer(idp, query)
    client.post("/sso/saml/acs/", {"SAMLResponse": saml_response, "RelayState": "/fi/"})
    client.post("/fi/logout/")
    again = client.post(
        "/sso/saml/acs/", {"SAMLResponse": saml_response, "RelayState": "/fi/"}, follow=True
    )
    assert again.redirect_chain[-1][0] == "/fi/login/"
    assert "Kirjautuminen palvelulla Staff directory ei onnistunut." in again.content.decode()
    assert "_auth_user_id" not in client.session


def test_it_refuses_an_assertion_signed_with_another_key(idp, client, tmp_path):
    (tmp_path / "impostor").mkdir()
    impostor = identity_provider(tmp_path / "impostor", STAFF)
    # Same name as the real IdP, another key: what a forger could produce.
    impostor.entity_id, impostor.base = idp.entity_id, idp.base
    impostor.trust(str(entity_descriptor(saml.config_loader())))
    query = ask(client)
    forged = answer(impostor, query)
    response = client.post(
        "/sso/saml/acs/", {"SAMLResponse": forged, "RelayState": "/da/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/da/login/"
    assert "Login med Staff directory lykkedes ikke." in response.content.decode()
    assert not User.objects.filter(username="aino").exists()
    impostor.server.server_close()


def test_it_refuses_an_assertion_nobody_asked_for(idp, client):
    query = ask(client)
    stranger = type(client)()  # another browser, which never started a sign-in
    response = stranger.post(
        "/sso/saml/acs/", {"SAMLResponse": answer(idp, query), "RelayState": "/fa/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/fa/login/"
    assert "_auth_user_id" not in stranger.session
    assert not User.objects.filter(username="aino").exists()


@override_settings(ZIST_SAML_IDP_METADATA="")
def test_it_is_not_there_until_configured(client):
    assert client.get("/sso/saml/login/").status_code == 404
    assert client.post("/sso/saml/acs/", {"SAMLResponse": "x"}).status_code == 404
    assert client.get("/sso/saml/metadata/").status_code == 404


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x"])
def test_it_never_returns_people_to_another_site(idp, client, next_url):
    query = ask(client, next_url)
    assert "evil" not in query["RelayState"]
    response = client.post(
        "/sso/saml/acs/", {"SAMLResponse": answer(idp, query), "RelayState": next_url}
    )
    assert response.status_code == 302 and "evil" not in response["Location"]
