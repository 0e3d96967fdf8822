import pytest

from zist.crisis.models.sessions import Favours, Method
from zist.crisis.services import ahp
from zist.crisis.testing import hazard, session

SAATY = [[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]


def test_it_computes_the_worked_example():
    result = ahp.analyse(SAATY)
    assert [round(w, 3) for w in result.priorities] == [0.637, 0.258, 0.105]
    assert result.lambda_max == pytest.approx(3.039, abs=0.001)
    assert result.ci == pytest.approx(0.0193, abs=0.0005)
    assert result.cr == pytest.approx(0.033, abs=0.001)
    assert result.acceptable


def test_it_gives_a_consistent_matrix_a_zero_ratio():
    weights = [8, 4, 2, 1]
    matrix = [[a / b for b in weights] for a in weights]
    result = ahp.analyse(matrix)
    assert [round(w, 4) for w in result.priorities] == [0.5333, 0.2667, 0.1333, 0.0667]
    assert result.lambda_max == pytest.approx(4)
    assert result.cr == pytest.approx(0, abs=1e-9)


def test_it_flags_a_tampered_matrix_and_its_most_inconsistent_comparison():
    weights = [8, 4, 2, 1]
    matrix = [[a / b for b in weights] for a in weights]
    # Someone judged item 0 far less risky than item 3, against everything else.
    matrix[0][3], matrix[3][0] = 1 / 8, 8
    result = ahp.analyse(matrix)
    assert result.cr >= ahp.CR_LIMIT
    assert not result.acceptable
    worst = result.inconsistencies[0]
    assert (worst.i, worst.j) == (0, 3)
    assert worst.judged == pytest.approx(1 / 8)
    assert worst.factor > result.inconsistencies[1].factor


def test_it_aggregates_judgements_by_geometric_mean():
    one = [[1, 3, 2], [1 / 3, 1, 1], [1 / 2, 1, 1]]
    two = [[1, 1 / 3, 8], [3, 1, 4], [1 / 8, 1 / 4, 1]]
    group = ahp.aggregate([one, two])
    assert group[0][1] == pytest.approx(1)  # √(3 · 1/3)
    assert group[0][2] == pytest.approx(4)  # √(2 · 8)
    assert group[1][2] == pytest.approx(2)  # √(1 · 4)
    assert group[2][0] == pytest.approx(1 / 4)  # still reciprocal
    ahp.check_matrix(group)


def test_it_refuses_a_matrix_that_is_not_reciprocal():
    with pytest.raises(ValueError):
        ahp.analyse([[1, 3], [3, 1]])


def test_it_lists_the_pairs_nobody_judged():
    matrix, missing = ahp.from_judgements(3, {(0, 1): 3, (2, 0): 1 / 5})
    assert missing == [(1, 2)]
    assert matrix[0][2] == pytest.approx(5)


def test_it_ranks_a_session_from_the_participants_judgements(cast):
    # Names sort a, b, c: the matrix rows follow that order.
    a, b, c = (hazard(cast.inside) for _ in range(3))
    for h, name in zip((a, b, c), ("a quake", "b flood", "c fire"), strict=True):
        h.name = name
        h.save()
    meeting = session(cast.inside, Method.AHP, [a, b, c])
    people = [meeting.participants.create(name=n) for n in ("P1", "P2")]
    judged = {
        "P1": [(a, b, Favours.FIRST, 3), (a, c, Favours.FIRST, 5), (b, c, Favours.FIRST, 3)],
        "P2": [(a, b, Favours.FIRST, 3), (a, c, Favours.FIRST, 5), (c, b, Favours.SECOND, 3)],
    }
    for person in people:
        for first, second, favours, intensity in judged[person.name]:
            meeting.comparisons.create(
                participant=person,
                first=first,
                second=second,
                favours=favours,
                intensity=intensity,
            )
    results = meeting.results(cast.superuser)
    # Both gave the worked example's judgements: the group matrix is the same.
    assert [row.hazard for row in results.rows] == [a, b, c]
    assert [round(row.score, 3) for row in results.rows] == [0.637, 0.258, 0.105]
    assert results.ahp.cr == pytest.approx(0.033, abs=0.001)
    assert len(results.individual) == 2
    assert not results.warnings


def test_it_warns_about_an_inconsistent_session(cast):
    a, b, c = (hazard(cast.inside) for _ in range(3))
    meeting = session(cast.inside, Method.AHP, [a, b, c])
    meeting.comparisons.create(first=a, second=b, intensity=5)
    meeting.comparisons.create(first=b, second=c, intensity=5)
    meeting.comparisons.create(first=c, second=a, intensity=5)  # a circle: a > b > c > a
    results = meeting.results(cast.superuser)
    assert not results.ahp.acceptable
    assert any("0.10" in warning for warning in results.warnings)
    assert results.inconsistent_pairs()
