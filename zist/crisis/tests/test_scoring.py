import pytest

from zist.crisis.models import RiskMatrix
from zist.crisis.models.sessions import Method
from zist.crisis.services import scoring
from zist.crisis.testing import hazard, session


def test_it_aggregates_with_mean_and_geometric_mean():
    mean = scoring.aggregate([2, 4, 4, 5])
    assert mean.value == pytest.approx(3.75)
    assert mean.dispersion == pytest.approx(1.2583, abs=1e-4)  # sample SD
    geometric = scoring.aggregate([2, 4, 4, 5], "geometric")
    assert geometric.value == pytest.approx(160**0.25)  # 3.5566
    assert scoring.aggregate([3]).dispersion == 0


def test_it_places_scores_on_the_risk_matrix():
    assert scoring.risk_level(1, 3) == scoring.LOW  # 3
    assert scoring.risk_level(2, 2) == scoring.MEDIUM  # 4
    assert scoring.risk_level(2.5, 3.4) == scoring.HIGH  # 3 × 3 = 9
    assert scoring.risk_level(4.6, 3.2) == scoring.VERY_HIGH  # 5 × 3 = 15
    assert scoring.risk_level(9, 9) == scoring.VERY_HIGH  # clipped to 5 × 5


def test_it_refuses_bands_that_do_not_rise(cast):
    matrix = RiskMatrix(unit=cast.inside, name="m", medium_from=8, high_from=6)
    with pytest.raises(Exception) as error:
        matrix.full_clean()
    assert "bands" in str(error.value)


def test_it_ranks_a_scoring_session(cast):
    quake, storm = hazard(cast.inside), hazard(cast.inside)
    meeting = session(cast.inside, Method.SCORING, [quake, storm])
    meeting.risk_matrix = RiskMatrix.objects.create(unit=cast.inside, name="5×5")
    meeting.save()
    given = {
        # (likelihood, human, economic, environmental, social) per person
        quake: [(2, 5, 5, 3, 4), (3, 5, 4, 3, 4), (4, 5, 5, 3, 4)],
        storm: [(4, 1, 2, 1, 1), (4, 2, 2, 1, 1), (4, 1, 2, 1, 1)],
    }
    people = [meeting.participants.create(name=f"P{n}") for n in range(3)]
    criteria = ["likelihood", "human", "economic", "environmental", "social"]
    for h, rows in given.items():
        for person, values in zip(people, rows, strict=True):
            for criterion, value in zip(criteria, values, strict=True):
                person.scores.create(hazard=h, criterion=criterion, value=value)
    results = meeting.results(cast.superuser)
    first, second = results.rows
    assert first.hazard == quake
    assert first.likelihood == pytest.approx(3)
    assert first.impact == pytest.approx((5 + 14 / 3 + 3 + 4) / 4)  # 4.1667
    assert first.score == pytest.approx(12.5)
    assert first.level == scoring.HIGH  # cell 3 × 4 = 12
    assert first.details["likelihood"].dispersion == pytest.approx(1)
    assert second.level == scoring.MEDIUM  # 4 × 1 (impact 1.33) = 4
