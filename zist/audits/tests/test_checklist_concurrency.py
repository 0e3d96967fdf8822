"""Two auditors fill in the same checklist at once: the second save never silently
undoes the first one's answers."""

import re

from django.test import Client
from django.urls import reverse

from zist.audits.models import ChecklistItem
from zist.audits.testing import make_audit


def _open(client, url) -> dict:
    """The checklist's hidden version fields, as the browser sends them back."""
    page = client.get(url).content.decode()
    return dict(re.findall(r'name="(item-\d+-_version)" value="([^"]+)"', page))


def test_the_second_auditor_sees_both_answers_and_the_first_is_kept(cast, make_user):
    audit = make_audit(cast.inside)
    item = ChecklistItem.objects.create(audit=audit, question="Is the aspect register current?")
    other = ChecklistItem.objects.create(audit=audit, question="Are drills held?")
    url = reverse("audits:audit_checklist", args=[audit.pk])
    first, second = Client(), Client()
    first.force_login(make_user("environmental_manager", cast.region, first_name="Sara"))
    second.force_login(make_user("environmental_manager", cast.region, first_name="Omid"))
    firsts, seconds = _open(first, url), _open(second, url)
    assert len(firsts) == 2
    p, q = f"item-{item.pk}", f"item-{other.pk}"

    answers = {f"{p}-result": "conforms", f"{p}-notes": "Seen in 1404", f"{q}-result": ""}
    assert first.post(url, firsts | answers | {f"{q}-notes": ""}).status_code == 302
    theirs = {f"{p}-result": "nonconforms", f"{p}-notes": "Out of date", f"{q}-result": "na"}
    response = second.post(url, seconds | theirs | {f"{q}-notes": ""})

    assert response.status_code == 409
    page = response.content.decode()
    conflict = page[page.index('class="conflict"') : page.index("</section>")]
    assert "Is the aspect register current?" in conflict
    assert "Conforms" in conflict and "Does not conform" in conflict
    assert "Seen in 1404" in conflict and "Out of date" in conflict
    assert "Are drills held?" not in conflict  # nobody else answered it
    assert "Out of date</textarea>" in page  # the second auditor's input is kept
    item.refresh_from_db()
    other.refresh_from_db()
    assert (item.result, item.notes, other.result) == ("conforms", "Seen in 1404", "")
    assert item.history.count() == 2

    # Saving again with the page's new versions is deliberate: it goes through.
    again = dict(re.findall(r'name="(item-\d+-_version)" value="([^"]+)"', page))
    assert second.post(url, again | theirs | {f"{q}-notes": ""}).status_code == 302
    item.refresh_from_db()
    other.refresh_from_db()
    assert (item.result, other.result) == ("nonconforms", "na")
