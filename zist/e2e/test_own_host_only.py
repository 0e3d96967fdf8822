"""Zist runs on closed city intranets: no page may fetch anything from another host (a CDN,
a web font, a tracker) or break in the browser console."""

import pytest
from playwright.sync_api import expect

from zist.e2e import log_in
from zist.organisations.models import Unit

PAGES = [
    "/fa/",
    "/fa/organisation/units/",
    "/fa/organisation/units/{unit}/",
    "/fa/organisation/units/{unit}/history/",
    "/fa/organisation/units/add/",
    "/fa/actions/actions/",
    "/fa/actions/actions/add/",
    "/fa/changes/",
    "/fa/profile/",
    "/da/organisation/units/",
    "/api/docs/",
]

pytestmark = pytest.mark.e2e


def test_it_asks_only_its_own_server_for_anything(page, watch):
    unit = Unit.objects.get(code="region2-d3", organisation__language="fa", depth=3)
    log_in(page, "tehran.admin")
    for path in PAGES:
        response = page.goto(path.format(unit=unit.pk))
        assert response.status == 200, path
    # The API docs draw themselves with local scripts from the schema, which takes the
    # server a few seconds to build for every register; wait until they have.
    expect(page.locator(".swagger-ui .info")).to_be_visible(timeout=30_000)

    assert len({request for request in watch.requests if "/static/" in request}) > 3
    watch.assert_clean()
