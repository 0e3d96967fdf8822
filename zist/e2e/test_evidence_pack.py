"""District 3's representative, on a phone in Persian, builds the evidence pack of his
assessment with one tap: the job's page follows the build and opens the pack, whose
ZIP he downloads; the pack holds district 3's linked review, never district 4's,
though both are linked. The same in Danish for Albertslund. What the browser asked
for is checked where it is stored."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest
from django.utils import translation
from playwright.sync_api import expect

from zist.clauses.services import iso14001
from zist.e2e import log_in, screenshot
from zist.gaps import services
from zist.gaps.models import Assessment, Pack
from zist.organisations.models import Unit
from zist.reviews.testing import review_held
from zist.users.models import User

pytestmark = pytest.mark.e2e


def _label(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def _review(unit, title):
    return review_held(unit, dt.date(2026, 3, 10), title)


def _assessment(unit, title, ours, theirs):
    """An assessment of `unit` whose 9.3 an administrator linked to both reviews."""
    assessment = Assessment.objects.create(
        unit=unit, library=iso14001(), title=title, assessed_on=dt.date(2026, 11, 30)
    )
    services.ensure_answers(assessment)
    answer = assessment.answers.get(requirement__number="9.3")
    admin = User.objects.get(username="admin")
    for record in (ours, theirs):
        services.link(answer, record, admin)
    return assessment


def _build(page, language, assessment, name):
    page.goto(f"/{language}/gaps/assessments/{assessment.pk}/")
    button = page.get_by_role("button", name=_label(language, "Build the evidence pack"))
    button.scroll_into_view_if_needed()
    screenshot(page, f"{name}-assessment")
    button.tap()
    expect(page).to_have_url(re.compile(rf"/{language}/jobs/[0-9a-f-]{{36}}/$"))
    result = page.get_by_role("link", name=_label(language, "Open the result"))
    expect(result).to_be_visible(timeout=90_000)  # the page reloads itself meanwhile
    result.tap()
    download = page.get_by_role("link", name=_label(language, "Download the ZIP"))
    expect(download).to_be_visible()
    screenshot(page, f"{name}-pack")
    answer = page.request.get(download.get_attribute("href"))
    assert answer.status == 200
    return zipfile.ZipFile(io.BytesIO(answer.body()))


def test_district_3_builds_its_pack_on_a_phone_in_persian(phone390):
    district = Unit.objects.get(organisation__name="شهرداری تهران", code="region2-d3")
    other = Unit.objects.get(organisation__name="شهرداری تهران", code="region2-d4")
    assessment = _assessment(
        district,
        "آمادگی ممیزی مراقبتی ناحیه ۳",
        _review(district, "بازنگری مدیریت ناحیه ۳"),
        _review(other, "بازنگری مدیریت ناحیه ۴"),
    )
    log_in(phone390, "district3.rep")
    archive = _build(phone390, "fa", assessment, "fa-phone-evidence-pack")
    expect(phone390.locator("html")).to_have_attribute("dir", "rtl")
    made = Pack.objects.get(assessment=assessment)
    assert (made.state, made.requested_by.username, made.records) == (
        "ready",
        "district3.rep",
        1,
    )
    csv = archive.read("records/reviews.managementreview.csv").decode("utf-8")
    assert "بازنگری مدیریت ناحیه ۳" in csv and "ناحیه ۴" not in csv
    assert "ناحیه ۴" not in archive.read("index.html").decode("utf-8")


def test_albertslund_builds_its_pack_in_danish(phone390):
    root = Unit.objects.get(organisation__name="Albertslund Kommune", depth=1)
    tehran = Unit.objects.get(organisation__name="شهرداری تهران", code="region2-d4")
    assessment = _assessment(
        root,
        "Klar til EMAS-verifikation",
        _review(root, "Ledelsens gennemgang 2026"),
        _review(tehran, "بازنگری مدیریت ناحیه ۴"),
    )
    log_in(phone390, "albertslund.manager")
    archive = _build(phone390, "da", assessment, "da-phone-evidence-pack")
    made = Pack.objects.get(assessment=assessment)
    assert (made.state, made.requested_by.username) == ("ready", "albertslund.manager")
    csv = archive.read("records/reviews.managementreview.csv").decode("utf-8")
    assert "Ledelsens gennemgang 2026" in csv and "ناحیه" not in csv
