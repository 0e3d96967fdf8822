"""Single sign-on settings that cannot work stop Zist at start-up, in words."""

import secrets

import pytest

from zist.core.tests.test_deploy_settings import zist

# `zist check` runs without DATABASE_URL (see zist()), hence always on SQLite: once per CI run.
pytestmark = pytest.mark.same_on_every_database

KEY = secrets.token_urlsafe(50)


def test_it_refuses_to_turn_passwords_off_without_single_sign_on(tmp_path):
    result = zist(tmp_path, "check", ZIST_SECRET_KEY=KEY, ZIST_LOCAL_PASSWORDS="0")
    assert result.returncode != 0
    assert "ZIST_LOCAL_PASSWORDS=0 leaves nobody a way to log in" in result.stderr
    with_oidc = zist(
        tmp_path,
        "check",
        ZIST_SECRET_KEY=KEY,
        ZIST_LOCAL_PASSWORDS="0",
        ZIST_OIDC_ISSUER="https://login.example.org",
        ZIST_OIDC_CLIENT_ID="zist",
    )
    assert with_oidc.returncode == 0, with_oidc.stderr


def test_it_refuses_a_group_mapping_it_cannot_read(tmp_path):
    result = zist(
        tmp_path,
        "check",
        ZIST_SECRET_KEY=KEY,
        ZIST_SSO_GROUP_ROLES='[{"group": "a", "role": "king", "organisation": "X", "unit": "root"}]',
    )
    assert result.returncode != 0
    assert "ZIST_SSO_GROUP_ROLES: 'king' is not a role a group may give" in result.stderr
