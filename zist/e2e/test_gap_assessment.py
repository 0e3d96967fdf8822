"""A person answers a gap assessment on a phone and turns a gap into an action: in
Persian against ISO 14001 and in Finnish against the Lean checklist (with maturity).
What the browser sent is checked where it is stored."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from zist.actions.models import Action
from zist.clauses.models import Library
from zist.clauses.services import iso14001
from zist.e2e import PASSWORD, log_in, screenshot, unlabelled_controls
from zist.gaps import services
from zist.gaps.models import Assessment
from zist.organisations.models import Unit
from zist.users.models import RoleAssignment, User

pytestmark = pytest.mark.e2e

PAGE_IS_WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"


def _label(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def _manager(unit, username):
    user = User.objects.create_user(username, password=PASSWORD, home_unit=unit)
    RoleAssignment.objects.create(user=user, role="environmental_manager", unit=unit)
    return user


def _assessment(unit, library, title):
    assessment = Assessment.objects.create(
        unit=unit, library=library, title=title, assessed_on=dt.date(2026, 11, 30)
    )
    services.ensure_answers(assessment)
    return assessment


def _section(page, assessment, number):
    answer = assessment.answers.get(requirement__number=number)
    return page.locator(f"#answer-{answer.pk}")


def test_it_answers_iso_14001_and_turns_a_gap_into_an_action_in_persian(phone390):
    page = phone390
    district = Unit.objects.get(organisation__name="شهرداری تهران", code="region2-d3")
    manager = _manager(district, "d3.gaps")
    assessment = _assessment(district, iso14001(), "ارزیابی شکاف ناحیه ۳")
    log_in(page, manager.username)
    page.goto(f"/fa/gaps/assessments/{assessment.pk}/")
    page.locator(f'a[href="/fa/gaps/assessments/{assessment.pk}/answer/"]').tap()
    expect(page).to_have_url(re.compile(rf"/fa/gaps/assessments/{assessment.pk}/answer/$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert unlabelled_controls(page.locator("form.checklist")) == []
    assert not page.evaluate(PAGE_IS_WIDER_THAN_SCREEN)

    _section(page, assessment, "4.1").get_by_text(_label("fa", "Conforms"), exact=True).tap()
    emergency = _section(page, assessment, "8.2")
    emergency.get_by_text(_label("fa", "Not applicable"), exact=True).tap()
    emergency.get_by_label(_label("fa", "Reason it does not apply")).fill("بر عهدهٔ سازمان آتش‌نشانی")
    review = _section(page, assessment, "9.3")
    review.get_by_text(_label("fa", "Gap"), exact=True).tap()
    review.get_by_label(_label("fa", "Notes")).fill("بازنگری مدیریت ۱۴۰۵ برگزار نشده است")
    screenshot(page, "fa-phone-gap-assessment")
    review.get_by_role("button", name=_label("fa", "Save and turn the gap into an action")).tap()
    expect(page.locator(".message-success").first).to_be_visible()
    expect(review.locator(".item-findings a")).to_have_count(1)
    # 32 requirements, 8.2 does not apply: 2 of 31 answered.
    expect(page.locator("#total-answered")).to_have_text("۶٫۵")
    screenshot(page, "fa-phone-gap-assessment-saved")

    stored = {
        a.requirement.number: (a.status, a.reason, a.notes)
        for a in assessment.answers.exclude(status="")
    }
    assert stored == {
        "4.1": ("conforms", "", ""),
        "8.2": ("na", "بر عهدهٔ سازمان آتش‌نشانی", ""),
        "9.3": ("gap", "", "بازنگری مدیریت ۱۴۰۵ برگزار نشده است"),
    }
    gap = assessment.answers.get(requirement__number="9.3")
    action = Action.objects.for_source(gap).get()
    assert (action.unit, action.description) == (district, "بازنگری مدیریت ۱۴۰۵ برگزار نشده است")
    assert [row.history_user for row in gap.history.filter(history_type="~")] == [manager]


def test_it_scores_maturity_on_the_lean_checklist_in_finnish(phone390):
    page = phone390
    kemi = Unit.objects.get(organisation__name="Kemin kaupunki", code="root")
    manager = _manager(kemi, "kemi.gaps")
    lean = Library.objects.get(code="lean-resource-wisdom", builtin=True)
    assessment = _assessment(kemi, lean, "Päiväkotien ruokapalvelu")
    log_in(page, manager.username)
    page.goto(f"/fi/gaps/assessments/{assessment.pk}/answer/")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    food = _section(page, assessment, "3.2")
    expect(food.locator(".clause-title")).to_have_text("Materiaalit ja ruoka")
    food.get_by_text(_label("fi", "Partly"), exact=True).tap()
    food.get_by_label(_label("fi", "Maturity")).select_option("2")
    food.get_by_label(_label("fi", "Notes")).fill("Ruokahävikki 18 % – punnitaan viikoittain")
    page.get_by_role("button", name=_label("fi", "Save the answers")).tap()
    expect(page.locator(".message-success")).to_be_visible()
    screenshot(page, "fi-phone-lean-assessment")
    answer = assessment.answers.get(requirement__number="3.2")
    assert (answer.status, answer.maturity, answer.notes) == (
        "partly",
        2,
        "Ruokahävikki 18 % – punnitaan viikoittain",
    )
    assert not Action.objects.for_source(answer).exists()
