"""Session timeouts, API token lifetime and revocation (docs/security.md)."""

import datetime as dt
import time

from django.contrib.auth.forms import SetPasswordForm
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from zist.users.models import ApiToken
from zist.users.roles import Role
from zist.users.sessions import SEEN_AT
from zist.users.signals import LOGIN_AT


def shift_session(client, key: str, seconds: float) -> None:
    session = client.session
    session[key] = time.time() - seconds
    session.save()


@override_settings(ZIST_SESSION_IDLE_MINUTES=30)
def test_it_ends_a_session_idle_for_longer_than_the_idle_timeout(cast, make_user, client):
    client.force_login(make_user(Role.VIEWER, cast.inside))
    assert client.get("/en/profile/").status_code == 200
    shift_session(client, SEEN_AT, 29 * 60)
    assert client.get("/en/profile/").status_code == 200
    shift_session(client, SEEN_AT, 31 * 60)
    response = client.get("/en/profile/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert "_auth_user_id" not in client.session


@override_settings(ZIST_SESSION_MAX_HOURS=12)
def test_it_ends_a_busy_session_twelve_hours_after_its_login(cast, make_user, client):
    client.force_login(make_user(Role.VIEWER, cast.inside))
    shift_session(client, LOGIN_AT, 11 * 3600)
    assert client.get("/en/profile/").status_code == 200
    shift_session(client, LOGIN_AT, 12 * 3600 + 1)
    response = client.get("/en/profile/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_session_cookie_lives_no_longer_than_the_absolute_timeout(settings):
    assert settings.SESSION_COOKIE_AGE == settings.ZIST_SESSION_MAX_HOURS * 3600 <= 12 * 3600
    assert settings.ZIST_SESSION_IDLE_MINUTES <= 30


@override_settings(ZIST_API_TOKEN_DAYS=90)
def test_a_new_token_expires_after_the_default_lifetime(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside)
    client.force_login(user)
    client.post(reverse("token_create"), {"token-name": "meter feed"})
    token = ApiToken.objects.get(user=user)
    assert token.expires is not None
    assert abs(token.expires - (timezone.now() + dt.timedelta(days=90))) < dt.timedelta(minutes=1)


def test_a_password_change_revokes_the_users_tokens(cast, make_user, client):
    user = make_user(Role.VIEWER, cast.inside)
    other = make_user(Role.VIEWER, cast.inside)
    _token, key = ApiToken.issue(user, "feed")
    ApiToken.issue(other, "feed")
    api = APIClient(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/organisations/units/").status_code == 200
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "pw",
            "new_password1": "a new long passphrase",
            "new_password2": "a new long passphrase",
        },
    )
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=user).exists()
    assert ApiToken.objects.filter(user=other).count() == 1
    assert api.get("/api/organisations/units/").status_code == 401


def test_a_password_change_is_mailed_to_its_owner_after_the_commit(
    cast, make_user, django_capture_on_commit_callbacks
):
    user = make_user(Role.VIEWER, cast.inside, username="maryam", email="m@example.org")
    user.set_password("another long passphrase")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user.save()
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()
    [message] = mail.outbox
    # Maryam reads Persian (her organisation's language).
    assert message.to == ["m@example.org"] and "maryam" in message.body
    assert "/fa/password/reset/" in message.body and "گذرواژهٔ" in message.subject


def test_a_password_set_by_a_form_revokes_tokens_but_a_rehash_does_not(cast, make_user):
    user = make_user(Role.VIEWER, cast.inside)
    ApiToken.issue(user, "feed")
    # Django re-hashes a password with a newer hasher on login: the same password.
    user.check_password("pw")
    user.save()
    assert ApiToken.objects.filter(user=user).count() == 1
    form = SetPasswordForm(
        user, {"new_password1": "x-long-new-pw-1", "new_password2": "x-long-new-pw-1"}
    )
    assert form.is_valid()
    form.save()
    assert not ApiToken.objects.filter(user=user).exists()


def test_deactivating_a_user_revokes_their_tokens(cast, make_user):
    user = make_user(Role.VIEWER, cast.inside)
    ApiToken.issue(user, "feed")
    user.is_active = False
    user.save()
    assert not ApiToken.objects.filter(user=user).exists()


def test_a_new_password_has_at_least_twelve_characters(cast, make_user):
    user = make_user(Role.VIEWER, cast.inside)
    short = SetPasswordForm(user, {"new_password1": "kx9-Qm2!zz", "new_password2": "kx9-Qm2!zz"})
    assert not short.is_valid()
    long = SetPasswordForm(user, {"new_password1": "kx9-Qm2!zzab", "new_password2": "kx9-Qm2!zzab"})
    assert long.is_valid()
