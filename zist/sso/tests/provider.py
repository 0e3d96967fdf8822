"""Start the real OpenID provider of oidc_provider/ (panva's oidc-provider on Node) for a
test, on a free loopback port. Its packages come from `npm ci` in that folder; without
them the test is skipped, except where ZIST_REQUIRE_SSO=1 (CI) makes that a failure."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests

FOLDER = Path(__file__).parent / "oidc_provider"
CLIENT_ID = "zist"
CLIENT_SECRET = "a-client-secret-only-for-tests"


def _unavailable(reason: str):
    if os.environ.get("ZIST_REQUIRE_SSO") == "1":
        pytest.fail(f"{reason}, and ZIST_REQUIRE_SSO=1 forbids skipping the SSO tests")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def oidc_provider(redirect_uri: str, accounts: dict):
    """A running provider whose one client is Zist with `redirect_uri`; `accounts` maps
    a login to {"password": ..., "claims": {...}}. Yields the issuer URL."""
    node = shutil.which("node")
    if node is None:
        _unavailable("node is not installed")
    if not (FOLDER / "node_modules" / "oidc-provider").is_dir():
        _unavailable(f"run `npm ci` in {FOLDER} first")
    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "CLIENT_ID": CLIENT_ID,
        "CLIENT_SECRET": CLIENT_SECRET,
        "REDIRECT_URI": redirect_uri,
        "ACCOUNTS": json.dumps(accounts),
    }
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(
        [node, "provider.js"], cwd=FOLDER, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    log.seek(0)
                    pytest.fail(f"the OpenID provider did not start: {log.read()}")
                time.sleep(0.1)
        yield issuer
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


def configure(settings, issuer: str, name: str = "City directory") -> None:
    """Point Zist (through pytest-django's `settings`) at the provider."""
    settings.ZIST_OIDC_ISSUER = issuer
    settings.ZIST_OIDC_PROVIDER_NAME = name
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_RP_SCOPES = "openid email profile groups"
