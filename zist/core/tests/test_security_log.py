"""Refusals are logged to `zist.security` with user, path and reason, and never with a
password or a token (docs/security.md)."""

import logging

import pytest
from rest_framework.test import APIClient

from zist.actions.models import Action
from zist.users.roles import Role


@pytest.fixture
def security_log(caplog):
    caplog.set_level(logging.INFO, logger="zist.security")
    return lambda: [r.getMessage() for r in caplog.records if r.name == "zist.security"]


def test_it_logs_a_refused_page(cast, make_user, client, security_log):
    client.force_login(make_user(Role.VIEWER, cast.inside, username="vera"))
    assert client.get("/en/actions/actions/add/").status_code == 403
    [line] = security_log()
    assert "status=403" in line and "user='vera'" in line
    assert "path=/en/actions/actions/add/" in line and "reason=" in line


def test_it_logs_a_record_hidden_by_restriction(cast, make_user, client, security_log):
    hidden = Action.objects.create(unit=cast.outside, title="elsewhere")
    client.force_login(make_user(Role.VIEWER, cast.inside, username="vera"))
    assert client.get(hidden.get_absolute_url()).status_code == 404
    [line] = security_log()
    assert "status=404" in line and "user='vera'" in line and "outside" in line
    # A record that does not exist at all is no refusal.
    assert client.get("/en/actions/actions/999999/").status_code == 404
    assert len(security_log()) == 1


def test_it_logs_a_refused_api_action(cast, make_user, security_log):
    api = APIClient()
    api.force_authenticate(make_user(Role.VIEWER, cast.inside, username="vera"))
    response = api.post(f"/api/organisations/units/{cast.inside.pk}/move/", {"parent": 1})
    assert response.status_code == 403
    [line] = security_log()
    assert "user='vera'" in line and f"/api/organisations/units/{cast.inside.pk}/move/" in line


def test_it_logs_failed_logins_and_bad_tokens_without_the_secret(cast, make_user, security_log):
    from django.test import Client

    make_user(Role.VIEWER, cast.inside, username="vera")
    Client().post("/en/login/", {"username": "vera", "password": "s3cret-guess"})
    APIClient(HTTP_AUTHORIZATION="Token not-a-real-key-abc").get("/api/organisations/units/")
    lines = security_log()
    assert any("user='vera'" in line and "invalid_login" in line for line in lines)
    assert any("status=401" in line for line in lines)
    assert not any("s3cret-guess" in line or "not-a-real-key-abc" in line for line in lines)
