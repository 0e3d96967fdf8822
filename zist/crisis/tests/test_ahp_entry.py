"""A participant's AHP comparisons entered as a matrix: the service that saves them all
at once, and the page over it."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from zist.crisis.models import PairwiseComparison, Participant
from zist.crisis.models.sessions import Favours, Method
from zist.crisis.services import ahp_entry
from zist.crisis.services.ahp_entry import Judgement
from zist.crisis.testing import hazard, session

FIRST, SECOND = Favours.FIRST, Favours.SECOND


@pytest.fixture
def meeting(cast):
    """An AHP session of three hazards named so that they sort a, b, c (the matrix
    order) and one participant who has judged nothing yet."""
    hazards = []
    for name in ("a quake", "b flood", "c fire"):
        h = hazard(cast.inside)
        h.name = name
        h.save()
        hazards.append(h)
    parent = session(cast.inside, Method.AHP, hazards)
    person = Participant.objects.create(session=parent, name="Maryam")
    return parent, person, hazards


def worked_example(a, b, c) -> dict:
    """The worked example [[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]] (priorities 0.637,
    0.258, 0.105; CR 0.033), as the page's row-against-column judgements."""
    return {
        (a.pk, b.pk): Judgement(FIRST, 3),
        (a.pk, c.pk): Judgement(FIRST, 5),
        (b.pk, c.pk): Judgement(FIRST, 3),
    }


def url(person, language="en"):
    return reverse("crisis:participant_comparisons", args=[person.pk]).replace(
        "/en/", f"/{language}/", 1
    )


def field(first, second) -> str:
    return f"pair_{first.pk}_{second.pk}"


def plain(text: str) -> str:
    """Without the bidi isolates around hazard names (FSI, PDI)."""
    return text.replace("\u2068", "").replace("\u2069", "")


def stored(person) -> set:
    return {
        (c.first_id, c.second_id, c.favours, c.intensity)
        for c in PairwiseComparison.objects.filter(participant=person)
    }


# The service


def test_it_saves_the_worked_example_and_computes_its_priorities_and_ratio(meeting, cast):
    parent, person, (a, b, c) = meeting
    saved = ahp_entry.save_judgements(person, worked_example(a, b, c), user=cast.superuser)
    assert (saved.created, saved.changed, saved.deleted) == (3, 0, 0)
    found = ahp_entry.consistency(person, user=cast.superuser)
    assert [(h, round(w, 3)) for h, w in found.priorities] == [(a, 0.637), (b, 0.258), (c, 0.105)]
    assert found.result.cr == pytest.approx(0.033, abs=0.001)
    assert found.inconsistent == []
    # The same judgements read back into the same cells.
    assert {
        p.key: p.judgement for p in ahp_entry.pairs(person, user=cast.superuser)
    } == worked_example(a, b, c)


def test_it_reads_and_updates_a_comparison_saved_the_other_way_round(meeting, cast):
    parent, person, (a, b, c) = meeting
    # Imported as "c against a, a 5 times riskier": the page's cell a/c says a ×5.
    reversed_ = parent.comparisons.create(
        participant=person, first=c, second=a, favours=SECOND, intensity=5
    )
    assert {p.key: p.judgement for p in ahp_entry.pairs(person, user=cast.superuser)}[
        a.pk, c.pk
    ] == Judgement(FIRST, 5)
    saved = ahp_entry.save_judgements(
        person, {(a.pk, c.pk): Judgement(FIRST, 7)}, user=cast.superuser
    )
    assert (saved.created, saved.changed) == (0, 1)
    reversed_.refresh_from_db()
    # Kept as it was stored (c, a) rather than deleted and made anew.
    assert (reversed_.first, reversed_.favours, reversed_.intensity) == (c, SECOND, 7)
    assert reversed_.history.count() == 2


def test_it_writes_no_history_for_a_judgement_given_again(meeting, cast):
    parent, person, (a, b, c) = meeting
    judgements = worked_example(a, b, c)
    ahp_entry.save_judgements(person, judgements, user=cast.superuser)
    # "Equal", imported the other way round and written as "second hazard, 1".
    parent.comparisons.filter(participant=person, first=a, second=b).delete()
    parent.comparisons.create(participant=person, first=b, second=a, favours=SECOND, intensity=1)
    judgements[a.pk, b.pk] = Judgement(FIRST, 1)
    rows = PairwiseComparison.history.count()
    saved = ahp_entry.save_judgements(person, judgements, user=cast.superuser)
    assert (saved.created, saved.changed, saved.deleted) == (0, 0, 0)
    assert PairwiseComparison.history.count() == rows


def test_it_deletes_a_cleared_pair(meeting, cast):
    parent, person, (a, b, c) = meeting
    ahp_entry.save_judgements(person, worked_example(a, b, c), user=cast.superuser)
    saved = ahp_entry.save_judgements(person, {(b.pk, c.pk): None}, user=cast.superuser)
    assert saved.deleted == 1
    assert stored(person) == {(a.pk, b.pk, FIRST, 3), (a.pk, c.pk, FIRST, 5)}
    assert ahp_entry.consistency(person, user=cast.superuser).missing == 1


def test_it_saves_nothing_when_one_pair_is_refused_and_names_that_pair(meeting, cast):
    parent, person, (a, b, c) = meeting
    ahp_entry.save_judgements(person, {(a.pk, b.pk): Judgement(FIRST, 3)}, user=cast.superuser)
    before = stored(person)
    judgements = worked_example(a, b, c)
    judgements[a.pk, b.pk] = Judgement(SECOND, 4)  # a valid change…
    judgements[b.pk, c.pk] = Judgement(FIRST, 12)  # …beside a value off the scale
    with pytest.raises(ValidationError) as refused:
        ahp_entry.save_judgements(person, judgements, user=cast.superuser)
    assert len(refused.value.messages) == 1
    assert plain(refused.value.messages[0]).startswith("“b flood” against “c fire”: ")
    assert stored(person) == before


def test_it_refuses_a_hazard_outside_the_session_and_a_pair_given_twice(meeting, cast):
    parent, person, (a, b, c) = meeting
    stranger = hazard(cast.inside)
    with pytest.raises(ValidationError) as refused:
        ahp_entry.save_judgements(
            person,
            {
                (a.pk, stranger.pk): Judgement(FIRST, 3),
                (a.pk, b.pk): Judgement(FIRST, 3),
                (b.pk, a.pk): Judgement(FIRST, 2),
            },
            user=cast.superuser,
        )
    assert len(refused.value.messages) == 2
    assert any("given twice" in message for message in refused.value.messages)
    assert stored(person) == set()


def test_it_lets_a_user_do_only_what_the_policy_allows(meeting, make_user, cast):
    parent, person, (a, b, c) = meeting
    assert ahp_entry.permitted_actions(make_user("crisis_manager", cast.inside), parent) == {
        "view",
        "add",
        "change",
        "delete",
    }
    assert ahp_entry.permitted_actions(make_user("crisis_manager", cast.outside), parent) == set()
    reader = make_user("environmental_manager", cast.region)
    assert ahp_entry.permitted_actions(reader, parent) == {"view"}
    with pytest.raises(ValidationError):
        ahp_entry.save_judgements(person, worked_example(a, b, c), user=reader)
    assert stored(person) == set()


# The page


def post_matrix(client, person, values: dict):
    return client.post(url(person), values)


def test_the_page_saves_the_worked_example_and_shows_its_priorities_and_ratio(
    meeting, make_user, client
):
    parent, person, (a, b, c) = meeting
    manager = make_user("crisis_manager", parent.unit)
    client.force_login(manager)
    detail = client.get(reverse("crisis:assessmentsession_detail", args=[parent.pk]))
    assert url(person) in detail.content.decode()
    participant_page = client.get(reverse("crisis:participant_detail", args=[person.pk]))
    assert url(person) in participant_page.content.decode()
    page = client.get(url(person)).content.decode()
    assert page.count('<select name="pair_') == 3
    assert "pairs are not compared yet" in page

    response = post_matrix(
        client,
        person,
        {field(a, b): "first-3", field(a, c): "first-5", field(b, c): "first-3"},
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Saved the comparisons of Maryam." in page
    assert re.search(r"consistency ratio <strong>0\.033</strong> \(acceptable\)", page)
    assert re.findall(r'class="ahp-priority">([\d.]+)<', page) == ["0.637", "0.258", "0.105"]
    assert "not consistent enough" not in page
    # Prefilled with what was saved.
    assert re.search(rf'name="{field(a, c)}"[^>]*>.*?<option value="first-5" selected', page, re.S)
    history = PairwiseComparison.history.filter(participant_id=person.pk)
    assert {row.history_user for row in history} == {manager}


def test_the_page_warns_about_an_inconsistent_matrix_and_lists_what_to_revise(
    meeting, make_user, client
):
    parent, person, (a, b, c) = meeting
    client.force_login(make_user("crisis_manager", parent.unit))
    # A circle: a riskier than b, b than c, and c than a.
    post_matrix(
        client, person, {field(a, b): "first-5", field(b, c): "first-5", field(a, c): "second-5"}
    )
    page = client.get(url(person)).content.decode()
    assert "0.10 or more: not acceptable" in page
    warning = page[page.index("ahp-warning") :]
    assert "not consistent enough" in warning
    # Each listed comparison links to its select.
    links = re.findall(r'<li><a href="#(id_pair_\d+_\d+)">', warning)
    assert len(links) == 3 and f"id_{field(a, b)}" in links


def test_the_page_deletes_a_cleared_pair(meeting, make_user, client, cast):
    parent, person, (a, b, c) = meeting
    client.force_login(make_user("crisis_manager", parent.unit))
    ahp_entry.save_judgements(person, worked_example(a, b, c), user=cast.superuser)
    response = post_matrix(
        client, person, {field(a, b): "first-3", field(a, c): "", field(b, c): "first-3"}
    )
    assert response.status_code == 302
    assert stored(person) == {(a.pk, b.pk, FIRST, 3), (b.pk, c.pk, FIRST, 3)}
    deleted = PairwiseComparison.history.filter(participant_id=person.pk, history_type="-")
    assert [(row.first_id, row.second_id) for row in deleted] == [(a.pk, c.pk)]
    assert "1 pair is not compared yet" in client.get(url(person)).content.decode()


@pytest.mark.parametrize("bad", ["first-12", "sideways-3", "5"])
def test_the_page_refuses_a_bad_value_and_changes_nothing(meeting, make_user, client, cast, bad):
    parent, person, (a, b, c) = meeting
    client.force_login(make_user("crisis_manager", parent.unit))
    ahp_entry.save_judgements(person, worked_example(a, b, c), user=cast.superuser)
    before = stored(person)
    response = post_matrix(
        client, person, {field(a, b): "second-9", field(a, c): "", field(b, c): bad}
    )
    assert response.status_code == 400
    page = plain(response.content.decode())
    assert "Nothing was saved" in page
    assert f'<a href="#id_{field(b, c)}">“b flood” against “c fire”</a>' in page
    assert stored(person) == before


def test_the_page_is_out_of_reach_outside_the_sessions_unit(meeting, make_user, client, cast):
    parent, person, (a, b, c) = meeting
    client.force_login(make_user("crisis_manager", cast.outside))
    assert client.get(url(person)).status_code == 404
    assert post_matrix(client, person, {field(a, b): "first-3"}).status_code == 404
    assert stored(person) == set()


def test_the_page_is_read_only_for_those_who_may_only_read(meeting, make_user, client, cast):
    parent, person, (a, b, c) = meeting
    ahp_entry.save_judgements(person, worked_example(a, b, c), user=cast.superuser)
    client.force_login(make_user("environmental_manager", parent.unit))
    page = client.get(url(person)).content.decode()
    assert page.count('<select name="pair_') == 3 and page.count("disabled") >= 3
    assert 'type="submit" class="button button-primary"' not in page
    assert (
        url(person)
        not in client.get(
            reverse("crisis:assessmentsession_detail", args=[parent.pk])
        ).content.decode()
    )
    assert post_matrix(client, person, {field(a, b): "second-9"}).status_code == 403
    assert (a.pk, b.pk, FIRST, 3) in stored(person)


def test_the_page_exists_only_for_ahp_sessions(cast, make_user, client):
    scoring = Participant.objects.create(session=session(cast.inside), name="Reza")
    client.force_login(make_user("crisis_manager", cast.inside))
    assert client.get(url(scoring)).status_code == 404


def test_the_page_reads_right_to_left_in_persian_with_every_select_labelled(
    meeting, make_user, client, cast
):
    parent, person, (a, b, c) = meeting
    ahp_entry.save_judgements(person, worked_example(a, b, c), user=cast.superuser)
    client.force_login(make_user("crisis_manager", parent.unit))
    page = plain(client.get(url(person, "fa")).content.decode())
    assert '<html lang="fa" dir="rtl">' in page
    assert "مقایسه‌های Maryam" in page
    # Ratio and priorities in Persian digits.
    assert re.search(r"<strong>۰[.٫]۰۳۳</strong>", page)
    priorities = re.findall(r'class="ahp-priority">([^<]*)<', page)
    assert [re.sub("[.٫]", ".", p) for p in priorities] == ["۰.۶۳۷", "۰.۲۵۸", "۰.۱۰۵"]
    # Each select is named by its pair for a screen reader, and reads its scale in
    # Persian words and digits.
    selects = re.findall(r'<select name="pair_\d+_\d+"[^>]*id="(id_pair_\d+_\d+)"', page)
    assert selects == [f"id_{field(a, b)}", f"id_{field(a, c)}", f"id_{field(b, c)}"]
    for first, second in ((a, b), (a, c), (b, c)):
        label = f'<label class="visually-hidden" for="id_{field(first, second)}">'
        assert f"{label}«{first}» در برابر «{second}»</label>" in page
    assert '<option value="first-9">a quake کاملاً پرریسک‌تر (۹)</option>' in page
