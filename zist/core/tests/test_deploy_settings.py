"""Start-up refuses a weak secret key, and `zist check --deploy` is clean with the
production settings the README documents (docs/security.md)."""

import os
import secrets
import subprocess
import sys

import pytest

# These start `zist` without DATABASE_URL, hence always on SQLite: once per CI run.
pytestmark = pytest.mark.same_on_every_database

# The production settings of README "Production deployment" (host names aside).
PRODUCTION = {
    "ZIST_BEHIND_PROXY": "1",
    "ZIST_ALLOWED_HOSTS": "zist.example.org",
    "ZIST_CSRF_TRUSTED_ORIGINS": "https://zist.example.org",
    "ZIST_HSTS_PRELOAD": "1",
}


def zist(tmp_path, *args, **env):
    """Run `zist` in a clean environment: none of this test run's settings (the browser
    tests set DJANGO_ALLOW_ASYNC_UNSAFE, which a production check rightly refuses)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ZIST_", "DJANGO_")) and key != "DATABASE_URL"
    }
    environment.update(ZIST_DATA_DIR=str(tmp_path), ZIST_WARN_UNCOMMITTED_APPS="0", **env)
    return subprocess.run(
        [sys.executable, "-m", "zist", *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "key",
    ["changeme", "x" * 60, "django-insecure-" + secrets.token_urlsafe(50), "short-Key-1"],
    # Fixed ids: xdist workers must collect the same names, and the random key differs.
    ids=["known", "one-character", "django-insecure", "short"],
)
def test_it_refuses_to_start_with_a_weak_secret_key(tmp_path, key):
    result = zist(tmp_path, "check", ZIST_SECRET_KEY=key)
    assert result.returncode != 0
    assert "ZIST_SECRET_KEY is too weak" in result.stderr


def test_it_accepts_a_weak_key_in_debug_and_a_strong_one_anywhere(tmp_path):
    assert zist(tmp_path, "check", ZIST_SECRET_KEY="changeme", ZIST_DEBUG="1").returncode == 0
    strong = secrets.token_urlsafe(50)
    assert zist(tmp_path, "check", ZIST_SECRET_KEY=strong).returncode == 0


def test_check_deploy_is_clean_with_the_documented_production_settings(tmp_path):
    result = zist(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        ZIST_SECRET_KEY=secrets.token_urlsafe(50),
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
