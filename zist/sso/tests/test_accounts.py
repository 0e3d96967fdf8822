"""Who a directory's person is in Zist (zist.sso.accounts): the linked account, else the
one account with their verified address, else a new account without roles."""

import pytest
from django.test import override_settings

from zist.sso.accounts import AMBIGUOUS, NO_ACCOUNT, Person, SignInRefused, sign_in
from zist.sso.models import ExternalIdentity
from zist.users.models import User
from zist.users.roles import Role

pytestmark = pytest.mark.django_db
ISSUER = "https://login.example.org"


def person(subject="abc-123", **claims) -> Person:
    return Person(issuer=ISSUER, subject=subject, **claims)


def test_it_creates_an_account_without_roles_or_password_and_finds_it_by_subject_after():
    user = sign_in(person(email="Sara@Example.org", username="sara", first_name="Sara"), "fa")
    assert (user.username, user.email, user.language) == ("sara", "Sara@Example.org", "fa")
    assert user.is_active and not user.has_usable_password() and not user.is_superuser
    assert not user.role_assignments.exists()
    # The address changed in the directory: the subject still finds the same account.
    again = sign_in(person(email="sara.new@example.org", username="sara"))
    assert again == user
    assert User.objects.filter(username__startswith="sara").count() == 1
    user.refresh_from_db()
    assert user.email == "sara.new@example.org"
    assert user.history.count() == 2  # created, then the address changed


def test_it_links_the_one_account_with_the_verified_address(cast, make_user):
    maryam = make_user(Role.VIEWER, cast.inside, username="maryam", email="maryam@example.org")
    assert sign_in(person(email="MARYAM@example.org", email_verified=True)) == maryam
    assert ExternalIdentity.objects.get(subject="abc-123").user == maryam


def test_it_never_links_by_an_address_the_directory_has_not_verified(cast, make_user):
    maryam = make_user(Role.VIEWER, cast.inside, username="maryam", email="maryam@example.org")
    user = sign_in(person(email="maryam@example.org", email_verified=False, username="maryam"))
    assert user != maryam and user.username == "maryam2"
    assert not user.role_assignments.exists()
    maryam.refresh_from_db()
    assert maryam.email == "maryam@example.org"


def test_it_refuses_when_two_accounts_have_the_address(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="a", email="shared@example.org")
    make_user(Role.VIEWER, cast.outside, username="b", email="shared@example.org")
    with pytest.raises(SignInRefused) as refused:
        sign_in(person(email="shared@example.org", email_verified=True))
    assert refused.value.message == AMBIGUOUS
    assert not ExternalIdentity.objects.exists()


@override_settings(ZIST_SSO_CREATE_USERS=False)
def test_it_creates_nobody_when_told_not_to():
    with pytest.raises(SignInRefused) as refused:
        sign_in(person(email="new@example.org"))
    assert refused.value.message == NO_ACCOUNT
    assert not User.objects.exists()


@override_settings(ZIST_SSO_NEW_USERS_ACTIVE=False)
def test_a_new_account_can_wait_for_an_administrator():
    user = sign_in(person(email="new@example.org"))
    assert not user.is_active


def test_the_same_subject_at_another_directory_is_another_person():
    first = sign_in(person(email="x@one.example", email_verified=False))
    other = sign_in(Person(issuer="https://other.example", subject="abc-123", email_verified=False))
    assert first != other
