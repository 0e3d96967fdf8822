"""The checklist page: results as radio buttons, answers saved all or nothing with
history, only by the audit team, and findings raised from an answer."""

import re

import pytest
from django import forms
from django.urls import reverse
from django.utils import translation

from zist.audits import services
from zist.audits.models import ChecklistItem, Finding
from zist.audits.testing import make_audit
from zist.clauses.services import iso14001
from zist.nonconformities.models import Nonconformity

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditor(cast, make_user):
    return make_user("internal_auditor", cast.region, username="auditor")


@pytest.fixture
def audit(cast, auditor):
    audit = make_audit(cast.inside, lead_auditor=auditor)
    audit.clauses.set(iso14001().clauses.filter(number__in=["6.1.2", "8.1", "9.1.2"]))
    services.generate_checklist(audit)
    return audit


def url(audit, language="en"):
    with translation.override(language):
        return reverse("audits:audit_checklist", args=[audit.pk])


def answer(item, result, notes="", seen_result="", seen_notes="") -> dict:
    prefix = f"item-{item.pk}"
    return {
        f"{prefix}-result": result,
        f"{prefix}-notes": notes,
        f"{prefix}-seen_result": seen_result,
        f"{prefix}-seen_notes": seen_notes,
    }


def items(audit) -> list[ChecklistItem]:
    return list(audit.checklist.order_by("position"))


def test_it_shows_each_result_as_a_labelled_radio_button(client, audit, auditor):
    client.force_login(auditor)
    page = client.get(url(audit)).content.decode()
    html = page.split('<form method="post" class="checklist">', 1)[1].split("</form>", 1)[0]
    assert 'for="None"' not in html and "<option" not in html
    for item in items(audit):
        radios = re.findall(
            rf'<input type="radio" name="item-{item.pk}-result" value="(\w*)"[^>]*id="([^"]+)"',
            html,
        )
        assert [value for value, _ in radios] == [
            "conforms",
            "nonconforms",
            "observation",
            "na",
            "",
        ]
        for _value, id_ in radios:
            assert '<label class="result-choice' in html and f'for="{id_}"' in html


def test_it_saves_the_changed_answers_with_their_history(client, audit, auditor):
    first, second, third = items(audit)
    client.force_login(auditor)
    data = {
        **answer(first, "conforms", "Register seen, 1404 edition"),
        **answer(second, "nonconforms", "Waste oil without a bund"),
        **answer(third, ""),
    }
    response = client.post(url(audit), data)
    assert response.status_code == 302
    stored = {i.pk: (i.result, i.notes) for i in items(audit)}
    assert stored == {
        first.pk: ("conforms", "Register seen, 1404 edition"),
        second.pk: ("nonconforms", "Waste oil without a bund"),
        third.pk: ("", ""),
    }
    for item in (first, second):
        latest = item.history.latest()
        assert (latest.history_type, latest.history_user) == ("~", auditor)
    assert third.history.count() == 1  # created, never changed


def test_it_saves_nothing_when_one_answer_is_wrong_and_says_why_in_the_users_language(
    client, audit, auditor
):
    first, second, _ = items(audit)
    client.force_login(auditor)
    data = {**answer(first, "conforms", "Fine"), **answer(second, "perfect")}
    response = client.post(url(audit, "fa"), data)
    assert response.status_code == 400
    assert [(i.result, i.notes) for i in items(audit)][:2] == [("", ""), ("", "")]
    with translation.override("fa"):
        message = forms.ChoiceField.default_error_messages["invalid_choice"] % {"value": "perfect"}
    assert str(message) in response.content.decode()
    assert "Select a valid choice" not in str(message)


def test_it_lets_only_the_audit_team_record(client, cast, audit, make_user):
    item = items(audit)[0]
    representative = make_user("environmental_representative", cast.inside)
    client.force_login(representative)
    page = client.get(url(audit)).content.decode()
    assert 'type="radio"' not in page
    assert client.post(url(audit), answer(item, "conforms")).status_code == 403
    other_auditor = make_user("internal_auditor", cast.region)
    client.force_login(other_auditor)
    assert client.post(url(audit), answer(item, "conforms")).status_code == 403
    client.force_login(make_user("internal_auditor", cast.outside))
    assert client.get(url(audit)).status_code == 404
    item.refresh_from_db()
    assert item.result == ""


def test_it_lets_those_allowed_record_an_audit_without_a_team(client, cast, make_user):
    audit = make_audit(cast.inside)
    item = ChecklistItem.objects.create(audit=audit, question="Is the register current?")
    client.force_login(make_user("internal_auditor", cast.region))
    assert client.post(url(audit), answer(item, "na")).status_code == 302
    item.refresh_from_db()
    assert item.result == "na"


def test_it_keeps_what_someone_else_saved_meanwhile(client, audit, auditor, make_user, cast):
    first, second, _ = items(audit)
    ChecklistItem.objects.filter(pk=first.pk).update(result="conforms")
    client.force_login(auditor)
    # The page was shown before the other answer: first untouched, second changed over
    # the other auditor's answer.
    ChecklistItem.objects.filter(pk=second.pk).update(result="na")
    data = {**answer(first, "", ""), **answer(second, "nonconforms", "Leak")}
    response = client.post(url(audit), data)
    assert response.status_code == 400
    assert "Someone else changed this answer" in response.content.decode()
    assert [i.result for i in items(audit)][:2] == ["conforms", "na"]


def test_it_leaves_questions_that_were_not_on_the_page(client, audit, auditor):
    first, second, _ = items(audit)
    ChecklistItem.objects.filter(pk=second.pk).update(result="conforms", notes="Seen")
    client.force_login(auditor)
    assert client.post(url(audit), answer(first, "na")).status_code == 302
    second.refresh_from_db()
    assert (second.result, second.notes) == ("conforms", "Seen")


def test_it_raises_a_finding_from_a_nonconforming_answer(client, cast, audit, auditor):
    item = audit.checklist.get(clause__number="8.1")
    client.force_login(auditor)
    data = answer(item, "nonconforms", "Waste oil stored without a bund")
    response = client.post(url(audit), {**data, "raise": item.pk})
    finding_url = reverse("audits:checklist_finding", args=[item.pk])
    assert response.status_code == 302 and response["Location"] == finding_url
    page = client.get(finding_url).content.decode()
    assert "Waste oil stored without a bund" in page
    assert re.search(r'<input type="radio" name="grade" value="minor"[^>]*checked', page)

    response = client.post(
        finding_url,
        {
            "grade": "major",
            "unit": cast.inside.pk,
            "statement": "Waste oil stored without a bund",
            "evidence": "Store 2",
        },
    )
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert (finding.audit, finding.clause, finding.checklist_item, finding.unit) == (
        audit,
        item.clause,
        item,
        cast.inside,
    )
    assert (finding.grade, finding.statement, finding.evidence) == (
        "major",
        "Waste oil stored without a bund",
        "Store 2",
    )
    assert {row.history_user for row in finding.history.all()} == {auditor}
    assert Nonconformity.objects.get() == finding.nonconformity


def test_it_refuses_a_finding_to_someone_outside_the_team(client, cast, audit, make_user):
    item = items(audit)[0]
    client.force_login(make_user("environmental_representative", cast.inside))
    finding_url = reverse("audits:checklist_finding", args=[item.pk])
    assert client.get(finding_url).status_code == 403
    data = {"grade": "minor", "unit": cast.inside.pk, "statement": "x"}
    assert client.post(finding_url, data).status_code == 403
    assert not Finding.objects.exists()


def test_it_shows_built_in_questions_in_the_readers_language(client, cast, auditor):
    audit = make_audit(cast.inside, lead_auditor=auditor)
    audit.clauses.set(iso14001().clauses.filter(number="8.1"))
    with translation.override("fa"):
        services.generate_checklist(audit)
    item = audit.checklist.get()
    assert item.question == item.clause.question
    client.force_login(auditor)
    page = client.get(url(audit, "da")).content.decode()
    with translation.override("da"):
        danish = item.clause.display_question
    assert danish.startswith("Er der fastsat styring af aktiviteter")
    assert danish in page


def test_it_keeps_results_to_the_team_on_the_item_page_and_the_api(client, cast, audit, make_user):
    from rest_framework.test import APIClient

    item = items(audit)[0]
    representative = make_user("environmental_representative", cast.inside)
    client.force_login(representative)
    edit = reverse("audits:checklistitem_edit", args=[item.pk])
    data = {"audit": audit.pk, "question": item.question, "position": item.position}
    response = client.post(edit, {**data, "result": "conforms"})
    assert response.status_code == 400
    assert "Only the audit team records this checklist." in response.content.decode()
    api = APIClient()
    api.force_authenticate(representative)
    response = api.patch(f"/api/audits/checklist-items/{item.pk}/", {"result": "na"}, format="json")
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.result == ""
