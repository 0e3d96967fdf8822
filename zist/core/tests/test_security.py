"""Security baseline and the offline promise."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)


def test_it_sends_a_strict_content_security_policy(client, db):
    response = client.get("/en/login/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_loads_nothing_from_another_host():
    pattern = re.compile(r"""(src|href)\s*=\s*["'](https?:)?//""", re.IGNORECASE)
    offenders = [
        str(path.relative_to(ROOT))
        for suffix in ("*.html", "*.css", "*.js")
        for path in ROOT.rglob(suffix)
        if "tests" not in path.parts and pattern.search(path.read_text(errors="ignore"))
    ]
    assert offenders == []


def test_it_escapes_user_text(cast, client):
    from zist.actions.models import Action

    action = Action.objects.create(unit=cast.inside, title="<script>alert(1)</script>")
    client.force_login(cast.superuser)
    page = client.get(action.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_it_requires_csrf_tokens(cast):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(cast.superuser)
    assert strict.post("/en/actions/actions/add/", {"title": "x"}).status_code == 403


# The schema is built from the code, the same on every database: read in the SQLite run.
@pytest.mark.same_on_every_database
@pytest.mark.parametrize("path", ["/api/docs/", "/api/schema/"])
def test_it_serves_the_api_docs_from_local_assets(path, cast, client):
    client.force_login(cast.superuser)
    response = client.get(path)
    assert response.status_code == 200
    assert b"cdn." not in response.content and b"unpkg" not in response.content


@pytest.mark.same_on_every_database
def test_it_publishes_a_valid_openapi_3_schema(db, tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert target.read_text().startswith("openapi: 3")
