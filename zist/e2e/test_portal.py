"""A citizen on a phone, without an account, opens Albertslund's public portal in Danish
and in Persian, follows the flower to the green accounts, reads the published
statement and sends an inquiry; the inquiry is in the communication register with its
answer-due date."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from zist.communication.models import Inquiry
from zist.e2e import screenshot
from zist.organisations.models import Organisation, Unit
from zist.publication import services
from zist.publication.models import Statement, StatementStatus, Theme
from zist.publication.views import MIN_SECONDS

pytestmark = pytest.mark.e2e

PAGE_IS_WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture
def portal(demo):
    organisation = Organisation.objects.get(name="Albertslund Kommune")
    root = Unit.objects.get(organisation=organisation, code="root")
    for order, (key, da, fa, status) in enumerate(
        [
            ("water", "Vand", "آب", "better"),
            ("waste", "Affald", "پسماند", "worse"),
            ("communication", "Formidling og miljøpædagogik", "آموزش محیط زیست", "unchanged"),
        ]
    ):
        Theme.objects.create(
            unit=root, key=key, name=da, name_da=da, name_fa=fa, order=order, manual_status=status
        )
    statement = Statement.objects.create(
        unit=root,
        year=2025,
        title="Miljøredegørelse 2025",
        verifier_name="Verifier A/S",
        declaration="Valideret.",
        validated_on=dt.date(2026, 3, 15),
        status=StatementStatus.VALIDATED,
    )
    services.freeze(None, statement)
    Statement.objects.create(unit=root, year=2026, title="Udkast 2026")
    return organisation


def _send_inquiry(page, subject: str, labels: dict) -> None:
    page.get_by_label(labels["subject"]).fill(subject)
    page.get_by_label(labels["contact"]).fill("borger@example.org")
    page.get_by_label(labels["text"]).fill("Hvor meget vand bruger kommunen?")
    # A person takes more than a few seconds to write; the form refuses faster robots.
    page.wait_for_timeout(MIN_SECONDS * 1000 + 300)
    page.locator("form.inquiry-form button[type=submit]").tap()


@pytest.mark.parametrize(
    "language,labels,flower_petal,thanks",
    [
        (
            "da",
            {"subject": "Emne", "contact": "Hvordan vi kan svare dig", "text": "Din besked"},
            "Vand",
            "Tak",
        ),
        (
            "fa",
            {"subject": "موضوع", "contact": "چگونه به شما پاسخ دهیم", "text": "پیام شما"},
            "آب",
            "سپاسگزاریم",
        ),
    ],
)
def test_a_citizen_reads_the_portal_and_sends_an_inquiry(
    phone390, portal, language, labels, flower_petal, thanks
):
    page = phone390
    page.goto(f"/{language}/publication/portal/{portal.pk}/")
    flower = page.locator("svg.flower")
    expect(flower).to_be_visible()
    assert flower.get_attribute("direction") == ("rtl" if language == "fa" else "ltr")
    expect(flower.locator("a.petal")).to_have_count(3)
    expect(page.locator("main")).not_to_contain_text("Udkast 2026")
    assert not page.evaluate(PAGE_IS_WIDER_THAN_SCREEN)
    screenshot(page, f"{language}-phone-portal")
    page.screenshot(path=f"/tmp/statement-e2e-{language}-portal.png", full_page=True)

    # A petal leads to its theme in the green accounts.
    flower.locator("a.petal", has_text=flower_petal).click()
    expect(page).to_have_url(re.compile(r"/accounts/2025/#theme-water$"))
    expect(page.locator("#theme-water h2")).to_be_visible()

    page.goto(f"/{language}/publication/portal/{portal.pk}/statements/2025/")
    expect(page.locator("#sec-h")).to_contain_text("Verifier A/S")
    assert not page.evaluate(PAGE_IS_WIDER_THAN_SCREEN)

    page.goto(f"/{language}/publication/portal/{portal.pk}/inquiry/")
    subject = f"Vandforbrug ({language})"
    _send_inquiry(page, subject, labels)
    expect(page.locator("main h1")).to_have_text(thanks)
    screenshot(page, f"{language}-phone-inquiry-sent")

    inquiry = Inquiry.objects.get(subject=subject)
    root = Unit.objects.get(organisation=portal, code="root")
    assert inquiry.unit == root and inquiry.contact == "borger@example.org"
    assert inquiry.answer_due == timezone.localdate() + dt.timedelta(days=14)
    assert inquiry.history.count() == 1
