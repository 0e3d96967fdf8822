"""End-to-end tests in a real browser (Debian's chromium through Playwright); the
fixtures are in conftest.py, the small helpers the tests share are here."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect

PASSWORD = "zist-demo"


def log_in(page, username: str) -> None:
    """Log in through the login form and wait for the home page that follows."""
    page.goto("/en/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("time.today-date")).to_be_visible()


def screenshot(page, name: str) -> None:
    """Save a full-page picture to $ZIST_E2E_SCREENSHOTS/<name>.png when that is set,
    for a person to look at (RTL mirroring, phone layout); never compared by tests."""
    folder = os.environ.get("ZIST_E2E_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


# Every visible form control and how a screen reader would name it: by a <label> (for=
# or wrapping), aria-label or aria-labelledby. Placeholders and titles do not count.
_UNLABELLED_CONTROLS = """(root) => {
  const named = (el) =>
    Array.from(el.labels).some((label) => label.textContent.trim())
    || (el.getAttribute("aria-label") || "").trim()
    || (el.getAttribute("aria-labelledby") || "").split(/\\s+/).some(
         (id) => id && document.getElementById(id)?.textContent.trim());
  return Array.from(root.querySelectorAll("input, select, textarea"))
    .filter((el) => !["hidden", "submit", "button", "reset", "image"].includes(el.type))
    .filter((el) => el.getClientRects().length > 0)
    .filter((el) => !named(el))
    .map((el) => el.name || el.id || el.outerHTML);
}"""


def unlabelled_controls(locator) -> list[str]:
    """Names of the visible inputs, selects and textareas inside `locator` that have no
    label (an empty list when every one has)."""
    return locator.evaluate(_UNLABELLED_CONTROLS)
