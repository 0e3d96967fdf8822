"""With ZIST_LOCAL_PASSWORDS off the login page offers only the directory, and every
password path (login, reset, change) refuses in words, in the reader's language."""

import pytest
from django.core import mail
from django.test import override_settings

from zist.users.roles import Role

pytestmark = pytest.mark.django_db

OFF = override_settings(
    ZIST_LOCAL_PASSWORDS=False,
    ZIST_OIDC_ISSUER="http://127.0.0.1:9",
    ZIST_OIDC_PROVIDER_NAME="City directory",
    OIDC_RP_CLIENT_ID="zist",
)


def test_it_offers_the_password_form_and_the_directory_while_passwords_are_on(client):
    with override_settings(ZIST_OIDC_ISSUER="http://127.0.0.1:9", OIDC_RP_CLIENT_ID="zist"):
        page = client.get("/en/login/").content.decode()
    assert 'name="password"' in page
    assert 'href="/sso/oidc/login/?next=/en/"' in page


@OFF
def test_it_shows_only_the_directory_button(client):
    page = client.get("/fa/login/").content.decode()
    assert "ورود با City directory" in page
    assert 'href="/sso/oidc/login/?next=/fa/"' in page
    assert 'name="password"' not in page
    assert "/fa/password/reset/" not in page


@OFF
def test_it_refuses_a_correct_password(cast, make_user, client):
    make_user(Role.VIEWER, cast.inside, username="maryam")
    response = client.post("/da/login/", {"username": "maryam", "password": "pw"})
    assert response.status_code == 403
    assert "Zist-adgangskoder er slået fra her: log ind med City directory" in (
        response.content.decode()
    )
    assert "_auth_user_id" not in client.session
    assert client.get("/da/").status_code == 302  # still not logged in


@OFF
def test_it_refuses_a_reset_and_sends_no_mail(cast, make_user, client):
    make_user(Role.VIEWER, cast.inside, username="maryam", email="maryam@example.org")
    for response in (
        client.get("/fi/password/reset/"),
        client.post("/fi/password/reset/", {"email": "maryam@example.org"}),
        client.get("/fi/password/reset/MQ/set-password/"),
    ):
        assert response.status_code == 403
        assert "Zist-salasanat ovat täällä pois käytöstä" in response.content.decode()
    assert mail.outbox == []


@OFF
def test_it_refuses_a_password_change(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside, username="maryam")
    client.force_login(user)
    response = client.post(
        "/en/password/",
        {
            "old_password": "pw",
            "new_password1": "a long new passphrase",
            "new_password2": "a long new passphrase",
        },
    )
    assert response.status_code == 403
    assert "Zist passwords are turned off here" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("pw")
    assert "/en/password/" not in client.get("/en/profile/").content.decode()


def test_the_command_line_still_sets_a_superusers_password(cast):
    from django.core.management import call_command

    with OFF:
        call_command(
            "createsuperuser", username="break-glass", email="it@example.org", interactive=False
        )
    from zist.users.models import User

    assert User.objects.get(username="break-glass").is_superuser


@OFF
def test_an_administrator_makes_accounts_without_passwords(cast, client):
    from django.urls import reverse
    from rest_framework.test import APIClient

    from zist.users.models import User

    client.force_login(cast.superuser)
    form = client.get(reverse("users:user_add")).content.decode()
    assert 'name="password"' not in form
    response = client.post(
        reverse("users:user_add"),
        {"username": "sara", "email": "sara@example.org", "home_unit": cast.inside.pk},
    )
    assert response.status_code == 302
    assert not User.objects.get(username="sara").has_usable_password()
    api = APIClient()
    api.force_authenticate(cast.superuser)
    sara = User.objects.get(username="sara")
    refused = api.patch(
        f"/api/users/users/{sara.pk}/", {"password": "a long new passphrase"}, format="json"
    )
    assert refused.status_code == 400
    assert "Zist passwords are turned off here" in refused.json()["password"][0]
    sara.refresh_from_db()
    assert not sara.has_usable_password()
