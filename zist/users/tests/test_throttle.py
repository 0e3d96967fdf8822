"""Login throttling (zist.users.throttle): per account and per client, counted
atomically, and unable to lock everybody out. See docs/security.md."""

import threading

import pytest
from django.db import connection
from django.test import Client, override_settings

from zist.users.backends import UserBackend
from zist.users.models import LoginFailure
from zist.users.roles import Role

LOGIN = "/en/login/"


def log_in(client, username, password, address="10.0.0.1", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@override_settings(ZIST_LOGIN_MAX_FAILURES=3)
def test_it_refuses_an_account_guessed_from_unknown_clients(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="target")
    for number in range(3):
        log_in(Client(), "target", "wrong", address=f"10.0.1.{number}")
    assert LoginFailure.objects.filter(username="target").count() == 3
    fresh = Client()
    response = log_in(fresh, "target", "pw", address="10.0.2.1")
    assert "Too many failed logins" in response.content.decode()
    assert not logged_in(fresh)


@override_settings(ZIST_LOGIN_MAX_FAILURES=3)
def test_it_lets_a_browser_that_logged_in_before_in_while_its_account_is_guessed(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="target")
    own = Client()
    log_in(own, "target", "pw", address="10.0.9.9")
    own.post("/en/logout/")
    for number in range(5):
        log_in(Client(), "target", "wrong", address=f"10.0.1.{number}")
    log_in(own, "target", "pw", address="10.0.9.9")
    assert logged_in(own)


@override_settings(ZIST_LOGIN_MAX_FAILURES=3)
def test_it_limits_guesses_from_a_known_browser_too(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="target")
    own = Client()
    log_in(own, "target", "pw")
    own.post("/en/logout/")
    for number in range(3):
        log_in(own, "target", "wrong", address=f"10.0.3.{number}")
    log_in(own, "target", "pw", address="10.0.3.9")
    assert not logged_in(own)


@override_settings(ZIST_LOGIN_CLIENT_MAX_FAILURES=4)
def test_it_refuses_a_client_guessing_many_accounts_but_not_the_others(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="someone")
    for number in range(4):
        log_in(Client(), f"user{number}", "wrong", address="10.0.0.66")
    attacker = Client()
    log_in(attacker, "someone", "pw", address="10.0.0.66")
    assert not logged_in(attacker)
    colleague = Client()
    log_in(colleague, "someone", "pw", address="10.0.0.67")
    assert logged_in(colleague)


@override_settings(ZIST_LOGIN_CLIENT_MAX_FAILURES=4, ZIST_BEHIND_PROXY=True)
def test_behind_a_proxy_it_counts_the_client_not_the_proxy(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="someone")
    for number in range(6):
        log_in(
            Client(),
            f"user{number}",
            "wrong",
            address="192.168.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )
    colleague = Client()
    log_in(colleague, "someone", "pw", address="192.168.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert logged_in(colleague)
    assert set(LoginFailure.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


@override_settings(ZIST_LOGIN_CLIENT_MAX_FAILURES=4, ZIST_BEHIND_PROXY=True)
def test_behind_a_proxy_a_forged_forwarded_for_entry_is_ignored(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="someone")
    for number in range(4):
        # The client sends its own X-Forwarded-For; the proxy appends what it saw.
        log_in(
            Client(),
            f"user{number}",
            "wrong",
            address="192.168.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}, 203.0.113.5",
        )
    attacker = Client()
    log_in(
        attacker,
        "someone",
        "pw",
        address="192.168.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.5",
    )
    assert not logged_in(attacker)


@override_settings(ZIST_LOGIN_CLIENT_MAX_FAILURES=4)
def test_without_a_proxy_it_ignores_forwarded_for(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="someone")
    for number in range(4):
        log_in(
            Client(),
            f"user{number}",
            "wrong",
            address="10.0.0.66",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number}",
        )
    attacker = Client()
    log_in(attacker, "someone", "pw", address="10.0.0.66", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert not logged_in(attacker)
    assert set(LoginFailure.objects.values_list("ip_address", flat=True)) == {"10.0.0.66"}


@override_settings(ZIST_LOGIN_MAX_FAILURES=3)
def test_a_successful_login_starts_the_accounts_count_again(cast, make_user):
    make_user(Role.VIEWER, cast.inside, username="target")
    for _ in range(2):
        log_in(Client(), "target", "wrong")
    log_in(Client(), "target", "pw")
    for _ in range(2):
        log_in(Client(), "target", "wrong")
    fresh = Client()
    log_in(fresh, "target", "pw")
    assert logged_in(fresh)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="threads need a server database")
@pytest.mark.django_db(transaction=True)
@override_settings(ZIST_LOGIN_MAX_FAILURES=5, ZIST_LOGIN_CLIENT_MAX_FAILURES=1000)
def test_forty_concurrent_guesses_try_at_most_the_limit(cast, make_user, monkeypatch):
    make_user(Role.VIEWER, cast.inside, username="target")
    tried = []
    original = UserBackend.authenticate

    def counting(self, request, username=None, password=None, **kwargs):
        tried.append(password)
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(UserBackend, "authenticate", counting)
    start = threading.Barrier(40)

    def guess(number):
        try:
            start.wait()
            log_in(Client(), "target", f"guess{number}", address=f"10.1.0.{number}")
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(tried) <= 5
    assert LoginFailure.objects.filter(username="target").count() == len(tried)
