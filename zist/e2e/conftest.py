"""Browser fixtures: Debian's chromium driven by Playwright against pytest-django's live
server, with the platform's demo data (organisations, units, accounts) in the test
database.

Every page a test opens is watched: a request to any host but the live server (a CDN, a
web font, a tracker) or an error in the browser console fails the test, so a closed city
intranet gets the same pages as we test here.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test.utils import override_settings
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

# Playwright's sync API runs an event loop in this thread; Django's database calls from
# the fixtures would otherwise be refused as "async unsafe".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Short on purpose: a local page that needs more than this is itself a finding.
TIMEOUT_MS = 5000


def _unavailable(reason: str):
    """Skip, except where the browser tests must run (CI sets ZIST_REQUIRE_E2E=1)."""
    if os.environ.get("ZIST_REQUIRE_E2E") == "1":
        pytest.fail(f"{reason}, and ZIST_REQUIRE_E2E=1 forbids skipping the browser tests")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, started with a MEDIA_URL it can parse.

    Zist sets MEDIA_URL = None (evidence files are served only by a permission-checking
    view), and Django's live server thread parses MEDIA_URL once, when it starts, for
    its media handler; None makes every request fail there. Nothing links to this
    prefix, and the setting is back to None for the requests themselves.
    """
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    with override_settings(MEDIA_URL="/e2e-no-media/"):
        server = LiveServer(addr)
    yield server
    server.stop()


@pytest.fixture
def demo(transactional_db, settings):
    """The platform's demo organisations, units and accounts, served as `zist demo`
    serves them: plain HTTP on loopback, so no secure-only cookies."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_HSTS_SECONDS = 0
    from zist.demo import platform

    return platform.load()


class Watch:
    """What the browser asked for and complained about while a test ran."""

    def __init__(self, server_url: str):
        self.host = urlsplit(server_url).netloc
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.failed: list[str] = []
        self.allowed: set[tuple[int, str]] = set()

    def allow(self, status: int, path: str) -> None:
        """A failure the test provokes on purpose: a form sent back with errors is a 400,
        which the browser also reports in its console."""
        self.allowed.add((status, path))

    def on_request(self, request) -> None:
        self.requests.append(request.url)

    def on_response(self, response) -> None:
        if response.status >= 400 and (response.status, urlsplit(response.url).path) not in (
            self.allowed
        ):
            self.failed.append(f"{response.status} {response.request.method} {response.url}")

    def on_console(self, message) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if any(
            urlsplit(url).path == path and f"status of {status} " in message.text
            for status, path in self.allowed
        ):
            return
        self.console_errors.append(f"{url}: {message.text}")

    def on_page_error(self, error) -> None:
        self.console_errors.append(str(error))

    def foreign_requests(self) -> list[str]:
        # data: URLs (inline SVG in CSS) never leave the browser.
        return [
            url
            for url in self.requests
            if not url.startswith("data:") and urlsplit(url).netloc != self.host
        ]

    def assert_clean(self) -> None:
        assert self.requests, "the browser made no requests at all"
        assert self.foreign_requests() == [], "requests to another host"
        assert self.failed == [], "requests that failed"
        assert self.console_errors == [], "errors in the browser console"


@pytest.fixture
def watch(live_server) -> Watch:
    return Watch(live_server.url)


def _new_page(browser, live_server, watch: Watch, **context_options):
    context = browser.new_context(base_url=live_server.url, **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("request", watch.on_request)
    page.on("response", watch.on_response)
    page.on("console", watch.on_console)
    page.on("pageerror", watch.on_page_error)
    return context, page


@pytest.fixture
def page(browser, live_server, demo, watch):
    """A fresh browser tab (own cookies) on the live server; checked when the test ends."""
    context, page = _new_page(browser, live_server, watch)
    yield page
    context.close()
    watch.assert_clean()


# The phone of issue 13's trials: 390×844, touch.
PHONE_390 = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone390(browser, live_server, demo, watch):
    """A tab the size of the phone of issue 13 (390×844), touch enabled."""
    context, page = _new_page(browser, live_server, watch, **PHONE_390)
    yield page
    context.close()
    watch.assert_clean()


@pytest.fixture
def phone(browser, live_server, demo, watch):
    """A tab the size of a small phone (375×740), touch enabled."""
    context, page = _new_page(
        browser,
        live_server,
        watch,
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
    )
    yield page
    context.close()
    watch.assert_clean()
