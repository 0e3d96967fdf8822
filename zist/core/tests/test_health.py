"""Health (the process answers) and readiness (it can serve) for the reverse proxy."""

import os

import pytest
from django.db import connection
from django.test import override_settings

from zist.core import health

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _look_again():
    health._migrated = False
    yield
    health._migrated = False


def test_health_answers_without_a_login_or_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_ready_checks_database_migrations_broker_and_data_dir(client):
    response = client.get("/ready/")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["migrations"]["status"] == "ok"
    assert body["checks"]["data_dir"]["status"] == "ok"
    assert body["checks"]["broker"]["status"].startswith("not configured")


def test_an_unapplied_migration_makes_it_not_ready(client):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'jobs'")
    response = client.get("/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"]["status"].startswith("failed (")


def test_an_unreachable_broker_makes_it_not_ready_and_says_no_more(client):
    url = "redis://:hunter2secret@127.0.0.1:1/0"
    with override_settings(ZIST_BROKER_URL=url):
        response = client.get("/ready/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not ready"
    assert body["checks"]["broker"]["status"].startswith("failed (")
    assert body["checks"]["database"]["status"] == "ok"
    assert "hunter2secret" not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()


def test_a_data_dir_that_cannot_be_written_makes_it_not_ready(client, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with override_settings(MEDIA_ROOT=blocker / "uploads"):
        response = client.get("/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["data_dir"]["status"].startswith("failed (")


def test_a_shared_cache_is_checked_when_configured(client):
    redis = "redis://127.0.0.1:6379/5"
    caches = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis}
    }
    try:
        import socket

        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("ZIST_REQUIRE_BROKER") == "1":
            pytest.fail("ZIST_REQUIRE_BROKER=1 but no Redis answers on 127.0.0.1:6379")
        pytest.skip("no Redis on 127.0.0.1:6379")
    with override_settings(ZIST_CACHE_URL=redis, CACHES=caches):
        response = client.get("/ready/")
    assert response.status_code == 200, response.json()
    assert response.json()["checks"]["cache"]["status"] == "ok"


def test_only_get(client):
    assert client.post("/ready/").status_code == 405
