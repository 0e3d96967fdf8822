"""A person finds their background jobs from the menu on a phone, in Persian and in
Danish, and the page shows the job as it is stored."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from zist.e2e import log_in, screenshot
from zist.jobs import enqueue
from zist.jobs.models import Job, State
from zist.jobs.tests.test_jobs import wait_for
from zist.users.models import User

pytestmark = pytest.mark.e2e

STATE_SHOWN = {"fa": "انجام شد", "da": "Færdig"}
TITLE = {"fa": "یادآوری کارهای سررسید", "da": "Påmindelser om det, der forfalder"}


@pytest.mark.parametrize(
    "username, language, someone_else",
    [("region2.manager", "fa", "albertslund.manager"), ("albertslund.manager", "da", "admin")],
)
def test_the_menu_leads_to_the_job_as_stored(phone390, watch, username, language, someone_else):
    user = User.objects.get(username=username)
    other = wait_for(enqueue("remind", user=User.objects.get(username=someone_else)))
    job = wait_for(enqueue("remind", user=user))
    assert job.state == State.DONE and job.user == user
    # Titled in the person's language (their organisation's: they chose none).
    assert job.title == TITLE[language]
    with translation.override(language):
        state = str(State(job.state).label)
    assert state == STATE_SHOWN[language]

    log_in(phone390, username)
    phone390.locator("header summary.menu-toggle").tap()
    link = phone390.locator(f'header nav.main-nav a[href="/{language}/jobs/"]')
    expect(link).to_be_visible()
    link.tap()
    expect(phone390).to_have_url(re.compile(rf"/{language}/jobs/$"))
    rows = phone390.locator("table.register tbody tr")
    expect(rows).to_have_count(1)
    assert Job.objects.filter(user=user).count() == 1
    row = rows.filter(has=phone390.locator(f'a[href="/{language}/jobs/{job.uuid}/"]'))
    expect(row.locator("td").nth(0)).to_have_text(job.title)
    expect(row.locator("td").nth(1)).to_have_text(state)
    assert not phone390.evaluate("() => document.documentElement.scrollWidth > innerWidth")
    screenshot(phone390, f"{language}-phone-jobs")
    row.locator("a").tap()
    expect(phone390).to_have_url(re.compile(rf"/{language}/jobs/{job.uuid}/$"))
    expect(phone390.locator("h1")).to_have_text(job.title)
    # Someone else's job is neither on the list nor reachable.
    watch.allow(404, f"/{language}/jobs/{other.uuid}/")
    response = phone390.goto(f"/{language}/jobs/{other.uuid}/")
    assert response.status == 404
