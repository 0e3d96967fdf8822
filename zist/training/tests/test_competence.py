import datetime as dt

import pytest

from zist.training.services import Record, requirement_met

COURSE = 7


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2025, 1, 10), True),  # 24 months after 10 Jan 2023: still valid that day
        (dt.date(2025, 1, 11), False),
    ],
)
def test_it_lets_a_course_completion_expire(today, expected):
    record = Record(completions={COURSE: [dt.date(2023, 1, 10)]})
    assert requirement_met(1, COURSE, 24, 1, record, today) is expected


def test_it_counts_completions_that_never_expire():
    record = Record(completions={COURSE: [dt.date(1999, 1, 1)]})
    assert requirement_met(1, COURSE, None, 1, record, dt.date(2025, 1, 1))


def test_it_counts_valid_certificates_with_completions():
    today = dt.date(2025, 6, 1)
    record = Record(
        completions={COURSE: [dt.date(2025, 1, 1)]},
        certificates={COURSE: [dt.date(2026, 1, 1), dt.date(2024, 1, 1)]},  # one expired
    )
    assert requirement_met(2, COURSE, None, 1, record, today)
    assert not requirement_met(3, COURSE, None, 1, record, today)


def test_it_counts_evidence_for_requirements_without_a_course():
    # "Two audits observed": one is not enough.
    assert not requirement_met(2, None, None, 5, Record(evidence={5: 1}), dt.date(2025, 1, 1))
    assert requirement_met(2, None, None, 5, Record(evidence={5: 2}), dt.date(2025, 1, 1))
    assert not requirement_met(1, None, None, 5, Record(evidence={6: 3}), dt.date(2025, 1, 1))
