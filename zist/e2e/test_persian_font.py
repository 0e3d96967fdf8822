"""Persian pages are set in Vazirmatn, served by Zist itself; other languages do not
download it."""

import pytest

from zist.e2e import log_in

# Typefaces are the style sheet's, the same on every database: read in the SQLite run.
pytestmark = [pytest.mark.e2e, pytest.mark.same_on_every_database]

FONT_OF_BODY = "() => getComputedStyle(document.body).fontFamily"
VAZIRMATN_READY = "async () => { await document.fonts.ready; return document.fonts.check('16px Vazirmatn', 'سلام'); }"


def test_it_sets_persian_pages_in_vazirmatn_from_our_own_server(page, live_server):
    log_in(page, "district3.rep")
    page.goto("/fa/")
    assert page.evaluate(FONT_OF_BODY).startswith('"Vazirmatn"') or page.evaluate(
        FONT_OF_BODY
    ).startswith("Vazirmatn")
    assert page.evaluate(VAZIRMATN_READY)
    fonts = [url for url in watch_urls(page) if url.endswith(".woff2")]
    assert fonts and all(
        url.startswith(f"{live_server.url}/static/zist/fonts/Vazirmatn-") for url in fonts
    )


def watch_urls(page) -> list[str]:
    return page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)")


def test_it_leaves_danish_pages_in_their_own_font(page):
    log_in(page, "albertslund.rep")
    page.goto("/da/")
    assert "Vazirmatn" not in page.evaluate(FONT_OF_BODY).split(",")[0]


def test_it_leads_back_from_the_api_docs_in_persian(page, live_server):
    from playwright.sync_api import expect

    log_in(page, "district3.rep")
    page.goto("/fa/")
    page.locator('footer a[href="/api/docs/"]').click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # The schema of every register takes the server a while to build.
    expect(page.locator("#swagger-ui .info")).to_be_visible(timeout=60_000)
    page.get_by_role("link", name="بازگشت به زیست").click()
    expect(page).to_have_url(f"{live_server.url}/fa/")
