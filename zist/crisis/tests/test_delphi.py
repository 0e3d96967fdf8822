import pytest
from django.core.exceptions import ValidationError

from zist.crisis.models import DelphiRound
from zist.crisis.models.sessions import Method
from zist.crisis.registers import delphi_round_deletable
from zist.crisis.services import delphi
from zist.crisis.testing import hazard, session


def test_it_feeds_back_median_and_interquartile_range():
    spread = delphi.feedback([1, 2, 3, 4, 5])
    assert (spread.q1, spread.median, spread.q3, spread.iqr) == (2, 3, 4, 2)
    close = delphi.feedback([3, 3, 4, 4])
    assert (close.median, close.iqr) == (3.5, 1)
    assert delphi.feedback([4]).iqr == 0


def test_it_decides_consensus_on_the_largest_range():
    assert delphi.has_consensus([delphi.feedback([3, 3, 4, 4])], 1)
    assert not delphi.has_consensus([delphi.feedback([3, 3, 4, 4]), delphi.feedback([1, 5])], 1)
    assert not delphi.has_consensus([], 1)


@pytest.fixture
def panel(cast):
    quake, flood = hazard(cast.inside), hazard(cast.inside)
    meeting = session(cast.inside, Method.DELPHI, [quake, flood])
    meeting.max_rounds = 4
    meeting.save()
    people = [meeting.participants.create(name=f"Expert {n}") for n in range(1, 5)]
    return meeting, people, quake, flood


def _round(meeting, number, people, scores):
    new = DelphiRound(session=meeting, number=number)
    new.full_clean()
    new.save()
    for person, (quake_l, flood_l) in zip(people, scores, strict=True):
        for h, likelihood in zip(meeting.hazards.order_by("pk"), (quake_l, flood_l), strict=True):
            new.scores.create(participant=person, hazard=h, likelihood=likelihood, impact=4)
    return new


def test_it_stops_at_consensus_and_keeps_every_round(panel, cast):
    meeting, people, quake, flood = panel
    first = _round(meeting, 1, people, [(1, 2), (3, 2), (5, 4), (4, 3)])
    assert not meeting.results(cast.superuser).consensus
    second = _round(meeting, 2, people, [(4, 3), (4, 3), (5, 3), (4, 2)])
    results = meeting.results(cast.superuser)
    assert results.consensus
    assert [r.round for r in results.rounds] == [first, second]
    assert not results.rounds[0].consensus
    assert [row.hazard for row in results.rows] == [quake, flood]
    assert results.rows[0].likelihood == 4  # median of 4, 4, 5, 4
    with pytest.raises(ValidationError):
        DelphiRound(session=meeting, number=3).full_clean()
    # The closed first round keeps its scores and cannot be deleted.
    score = first.scores.first()
    score.likelihood = 5
    with pytest.raises(ValidationError):
        score.full_clean()
    assert delphi_round_deletable(first)
    assert delphi_round_deletable(second)  # it reached consensus


def test_it_numbers_rounds_in_order_and_respects_the_limit(panel, cast):
    meeting, people, *_ = panel
    with pytest.raises(ValidationError):
        DelphiRound(session=meeting, number=2).full_clean()
    meeting.max_rounds = 1
    meeting.save()
    _round(meeting, 1, people, [(1, 1), (5, 5), (1, 5), (5, 1)])
    with pytest.raises(ValidationError):
        DelphiRound(session=meeting, number=2).full_clean()
    assert any("without consensus" in w for w in meeting.results(cast.superuser).warnings)


def test_it_lists_delphi_answers_without_names(panel, make_user, client, cast):
    from django.urls import reverse

    meeting, people, *_ = panel
    _round(meeting, 1, people, [(1, 2), (3, 2), (5, 4), (4, 3)])
    client.force_login(make_user("crisis_manager", cast.inside))
    listed = client.get(reverse("crisis:delphiscore_list")).content.decode()
    exported = b"".join(
        client.get(reverse("crisis:delphiscore_list"), {"export": "csv"}).streaming_content
    ).decode()
    # Names, not short codes: "E1" also turned up inside a random CSRF token.
    assert "Expert 1" not in listed and "Expert 1" not in exported
    api = client.get(f"/api/crisis/assessmentsessions/{meeting.pk}/").json()
    assert api["results"]["rounds"][0]["consensus"] is False
    assert "Expert 1" not in str(api["results"])
