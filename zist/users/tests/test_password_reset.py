"""Password reset by e-mail (zist.users.passwords)."""

import datetime as dt
import re

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.test import Client, override_settings

from zist.users.models import ApiToken
from zist.users.roles import Role

RESET = "/en/password/reset/"


def ask(client, email, address="10.0.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def page(response) -> str:
    """The page without its per-visitor CSRF token."""
    return re.sub(r'value="[^"]{64}"', "", response.content.decode())


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


@override_settings(ZIST_BASE_URL="https://zist.example.org")
def test_it_mails_a_link_in_the_users_language_and_says_the_same_for_nobody(
    cast, make_user, client
):
    make_user(Role.VIEWER, cast.inside, username="maryam", email="maryam@example.org")
    known = ask(client, "Maryam@Example.org")
    unknown = ask(Client(), "nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/en/password/reset/sent/"
    assert page(client.get(known["Location"])) == page(Client().get(unknown["Location"]))
    [message] = mail.outbox
    assert message.to == ["maryam@example.org"]
    # Maryam's organisation speaks Persian: so does her mail.
    assert link_in(message).startswith("https://zist.example.org/fa/password/reset/")
    assert "maryam" in message.body and "۶۰" in message.body


def test_the_link_sets_a_new_password_once_and_revokes_the_tokens(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside, username="maryam", email="m@example.org")
    ApiToken.issue(user, "feed")
    ask(client, "m@example.org")
    link = re.sub(r"^https?://[^/]+", "", link_in(mail.outbox[0]))
    form = client.get(link, follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a fresh long passphrase", "new_password2": "a fresh long passphrase"},
    )
    # The link is in Maryam's language, Persian.
    assert done.status_code == 302 and done["Location"] == "/fa/password/reset/done/"
    user.refresh_from_db()
    assert user.check_password("a fresh long passphrase")
    assert not ApiToken.objects.filter(user=user).exists()
    again = Client().get(link, follow=True)
    assert not again.context["validlink"]


def test_the_link_expires(cast, make_user, client, monkeypatch, settings):
    make_user(Role.VIEWER, cast.inside, email="m@example.org")
    ask(client, "m@example.org")
    link = re.sub(r"^https?://[^/]+", "", link_in(mail.outbox[0]))
    later = dt.datetime.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)
    assert not client.get(link, follow=True).context["validlink"]
    assert settings.PASSWORD_RESET_TIMEOUT <= 3600


@override_settings(ZIST_PASSWORD_RESET_MAX=3)
def test_it_throttles_requests_per_client_and_per_address(cast, make_user):
    make_user(Role.VIEWER, cast.inside, email="m@example.org")
    for number in range(3):
        assert ask(Client(), f"x{number}@example.org", address="10.0.0.5").status_code == 302
    refused = ask(Client(), "m@example.org", address="10.0.0.5")
    assert refused.status_code == 429 and "Too many reset requests" in refused.content.decode()
    for number in range(5):
        assert ask(Client(), "m@example.org", address=f"10.0.1.{number}").status_code == 302
    assert len(mail.outbox) == 3
