"""An internal auditor records an audit's checklist and raises a finding from a
"does not conform" answer: on a phone in Persian, and on a desktop in Danish. What the
browser sent is checked where it is stored."""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from zist.audits import services
from zist.audits.models import Audit, ChecklistItem, Finding
from zist.clauses.services import iso14001
from zist.e2e import log_in, screenshot, unlabelled_controls
from zist.nonconformities.models import Nonconformity
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User

pytestmark = pytest.mark.e2e

PAGE_IS_WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"
CLAUSES = ["6.1.2", "6.1.3", "8.1", "9.1.2"]


@pytest.fixture
def auditor(demo):
    """The demo's internal auditor, granted on Region 2 of Tehran, auditing District 3."""
    region = Unit.objects.get(organisation__name="شهرداری تهران", code="region2")
    user = User.objects.get(username="region2.internal")
    assert RoleAssignment.objects.filter(user=user, role="internal_auditor", unit=region)
    return user


@pytest.fixture
def audit(auditor):
    district = Unit.objects.get(organisation__name="شهرداری تهران", code="region2-d3")
    audit = Audit.objects.create(
        unit=district,
        title="District 3 internal audit",
        start_date="2026-12-01",
        status="in_progress",
        lead_auditor=auditor,
    )
    audit.clauses.set(iso14001().clauses.filter(number__in=CLAUSES))
    services.generate_checklist(audit)
    return audit


def _item(audit, number: str) -> ChecklistItem:
    return audit.checklist.select_related("clause").get(clause__number=number)


def _label(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def _in(language: str, read) -> str:
    """A built-in library's text in `language` (the library files carry it)."""
    with translation.override(language):
        return read()


def _answer(page, item: ChecklistItem, result: str, language: str) -> None:
    section = page.locator(f"#item-{item.pk}")
    section.get_by_text(_label(language, result), exact=True).click()
    expect(section.get_by_role("radio", name=_label(language, result), exact=True)).to_be_checked()


def test_it_records_the_checklist_and_raises_a_finding_on_a_phone_in_persian(
    phone390, audit, auditor
):
    page = phone390
    log_in(page, auditor.username)
    page.goto(f"/fa/audits/audits/{audit.pk}/")
    page.locator(f'a[href="/fa/audits/audits/{audit.pk}/checklist/"]').tap()
    expect(page).to_have_url(re.compile(rf"/fa/audits/audits/{audit.pk}/checklist/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    checklist = page.locator("form.checklist")
    assert unlabelled_controls(checklist) == []
    # The built-in questions are in Persian, and every result is a thumb-sized target.
    aspects, legal, operation, monitoring = (_item(audit, n) for n in CLAUSES)
    expect(page.locator(f"#item-{operation.pk} .question-text")).to_have_text(
        _in("fa", lambda: operation.clause.display_question)
    )
    for box in [c.bounding_box() for c in page.locator(".result-choice").all()]:
        assert box["width"] >= 44 and box["height"] >= 44, box
    assert not page.evaluate(PAGE_IS_WIDER_THAN_SCREEN)

    for choice in page.locator(f"#item-{aspects.pk} .result-choice").all():
        assert choice.bounding_box()["x"] + choice.bounding_box()["width"] <= 390
    page.locator(f"#item-{aspects.pk}").get_by_text(_label("fa", "Conforms"), exact=True).tap()
    _answer(page, legal, "Not applicable", "fa")
    _answer(page, operation, "Does not conform", "fa")
    section = page.locator(f"#item-{operation.pk}")
    section.get_by_label(_label("fa", "Notes")).fill("روغن سوخته بدون حوضچه نگهداری می‌شود")
    _answer(page, monitoring, "Conforms", "fa")
    screenshot(page, "fa-phone-checklist")

    page.get_by_role("button", name=_label("fa", "Save the checklist")).tap()
    expect(page.locator(".message-success")).to_be_visible()
    expect(section.get_by_role("radio", name=_label("fa", "Does not conform"))).to_be_checked()

    raise_button = section.get_by_role("button", name=_label("fa", "Save and raise a finding"))
    expect(raise_button).to_be_visible()
    expect(page.locator(f"#item-{aspects.pk} .raise-finding")).to_be_hidden()
    raise_button.tap()
    expect(page).to_have_url(re.compile(rf"/fa/audits/checklist-items/{operation.pk}/finding/$"))
    statement = page.get_by_label(_label("fa", "Statement"))
    expect(statement).to_have_value("روغن سوخته بدون حوضچه نگهداری می‌شود")
    expect(page.get_by_role("radio", name=_label("fa", "Minor nonconformity"))).to_be_checked()
    page.get_by_text(_label("fa", "Major nonconformity"), exact=True).tap()
    page.get_by_label(_label("fa", "Objective evidence")).fill("انبار ۲، دوازده بشکه")
    screenshot(page, "fa-phone-finding")
    page.get_by_role("button", name=_label("fa", "Raise the finding")).tap()
    # Back on the checklist, at the answer the finding was raised from.
    expect(page).to_have_url(
        re.compile(rf"/fa/audits/audits/{audit.pk}/checklist/#item-{operation.pk}$")
    )
    expect(section.locator(".item-findings a")).to_have_count(1)
    screenshot(page, "fa-phone-checklist-saved")

    stored = {
        i.clause.number: (i.result, i.notes) for i in audit.checklist.select_related("clause")
    }
    assert stored == {
        "6.1.2": ("conforms", ""),
        "6.1.3": ("na", ""),
        "8.1": ("nonconforms", "روغن سوخته بدون حوضچه نگهداری می‌شود"),
        "9.1.2": ("conforms", ""),
    }
    for item in (aspects, legal, operation, monitoring):
        changed = item.history.filter(history_type="~")
        assert [row.history_user for row in changed] == [auditor]
    finding = Finding.objects.get()
    assert (finding.audit, finding.clause, finding.checklist_item, finding.grade) == (
        audit,
        operation.clause,
        operation,
        "major",
    )
    assert (finding.statement, finding.evidence) == (
        "روغن سوخته بدون حوضچه نگهداری می‌شود",
        "انبار ۲، دوازده بشکه",
    )
    assert finding.unit == audit.unit
    assert finding.history.filter(history_type="+", history_user=auditor).exists()
    assert Nonconformity.objects.get() == finding.nonconformity


def test_it_records_the_checklist_on_a_desktop_in_danish(page, audit, auditor):
    page.set_viewport_size({"width": 1280, "height": 800})
    log_in(page, auditor.username)
    page.goto(f"/da/audits/audits/{audit.pk}/checklist/")
    aspects, legal, operation, _monitoring = (_item(audit, n) for n in CLAUSES)
    expect(page.locator(f"#item-{aspects.pk} .question-text")).to_have_text(
        _in("da", lambda: aspects.clause.display_question)
    )
    # By keyboard: Tab reaches the first result of a question, Space chooses it.
    page.locator(f"#item-{aspects.pk}").get_by_role("radio").first.focus()
    page.keyboard.press("Space")
    expect(
        page.locator(f"#item-{aspects.pk}").get_by_role(
            "radio", name=_label("da", "Conforms"), exact=True
        )
    ).to_be_checked()
    _answer(page, legal, "Observation", "da")
    page.locator(f"#item-{legal.pk}").get_by_label(_label("da", "Notes")).fill(
        "Registret over lovkrav blev sidst gennemgået i 2024"
    )
    _answer(page, operation, "Does not conform", "da")
    page.get_by_role("button", name=_label("da", "Save the checklist")).click()
    expect(page.locator(".message-success")).to_be_visible()

    page.locator(f"#item-{legal.pk}").get_by_role(
        "button", name=_label("da", "Save and raise a finding")
    ).click()
    expect(page.get_by_role("radio", name=_label("da", "Observation"))).to_be_checked()
    page.get_by_text(_label("da", "Opportunity for improvement"), exact=True).click()
    page.get_by_role("button", name=_label("da", "Raise the finding")).click()
    expect(page.locator(".message-success")).to_be_visible()
    screenshot(page, "da-desktop-checklist")

    stored = {
        i.clause.number: (i.result, i.notes) for i in audit.checklist.select_related("clause")
    }
    assert stored["6.1.2"] == ("conforms", "")
    assert stored["6.1.3"] == ("observation", "Registret over lovkrav blev sidst gennemgået i 2024")
    assert stored["8.1"] == ("nonconforms", "")
    assert stored["9.1.2"] == ("", "")
    finding = Finding.objects.get()
    assert (finding.grade, finding.clause, finding.checklist_item) == (
        "opportunity",
        legal.clause,
        legal,
    )
    assert finding.statement == "Registret over lovkrav blev sidst gennemgået i 2024"
    assert not Nonconformity.objects.exists()
    assert legal.history.filter(history_type="~", history_user=auditor).count() == 1
