"""Worked examples of gap assessment figures, carried answers and mappings."""

import datetime as dt
from decimal import Decimal

import pytest

from zist.clauses import libfile
from zist.clauses.models import Mapping
from zist.gaps import services
from zist.gaps.models import Assessment, Status

LIBRARY = """format: zist-requirements/1
urn: urn:test:lib
code: test-lib
version: '{version}'
name: Test library
requirements:
- id: '1'
  urn: urn:test:lib:1
  title: Planning
  children:
  - {{id: '1.1', urn: 'urn:test:lib:1.1', title: Policy}}
  - {{id: '1.2', urn: 'urn:test:lib:1.2', title: '{title_12}'}}
  - {{id: '1.3', urn: 'urn:test:lib:1.3', title: Aspects}}
- id: '2'
  urn: urn:test:lib:2
  title: Checking
  children:
  - {{id: '2.1', urn: 'urn:test:lib:2.1', title: Audit}}
  - {{id: '2.2', urn: 'urn:test:lib:2.2', title: Review}}
"""


def make_library(unit, version="1", title_12="Objectives"):
    text = LIBRARY.format(version=version, title_12=title_12)
    return libfile.load(libfile.read(text), unit=unit)[0]


def answer(assessment, number, status, **values):
    row = assessment.answers.get(requirement__number=number)
    row.status = status
    for name, value in values.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()


@pytest.fixture
def assessed(cast):
    library = make_library(cast.inside)
    assessment = Assessment.objects.create(
        unit=cast.inside, library=library, title="2026", assessed_on=dt.date(2026, 5, 1)
    )
    assert services.ensure_answers(assessment) == 5  # the leaves: 1.1–1.3, 2.1, 2.2
    answer(assessment, "1.1", Status.CONFORMS)
    answer(assessment, "1.2", Status.PARTLY, notes="Targets not measurable yet.")
    answer(assessment, "1.3", Status.NOT_APPLICABLE, reason="No production on site.")
    answer(assessment, "2.1", Status.GAP)
    return assessment


def test_it_computes_progress_per_clause_group(assessed):
    groups, total = services.progress(assessed)
    planning, checking = groups
    # Planning: 3 requirements, 1.3 does not apply → 2 applicable, both answered;
    # score (1 conforming + ½ × 1 partly) / 2 = 75 %.
    assert (planning.number, planning.applicable) == ("1", 2)
    assert planning.answered_percent == Decimal("100.0")
    assert planning.score == Decimal("75.0")
    # Checking: 2.1 a gap, 2.2 not assessed → answered 1 of 2, score 0.
    assert checking.answered_percent == Decimal("50.0")
    assert checking.score == Decimal("0.0")
    # All: 4 applicable, 3 answered (75 %), score 1.5 / 4 = 37.5 %.
    assert total.answered_percent == Decimal("75.0")
    assert total.score == Decimal("37.5")


def test_it_counts_an_answer_given_on_a_mapped_requirement(assessed, cast):
    other = libfile.load(
        libfile.read(
            "format: zist-requirements/1\nurn: urn:test:other\ncode: other\nversion: '1'\n"
            "name: Other\nrequirements:\n- {id: R, urn: 'urn:test:other:R', title: Review}\n"
        ),
        unit=cast.inside,
    )[0]
    earlier = Assessment.objects.create(
        unit=cast.inside, library=other, title="other", assessed_on=dt.date(2026, 4, 1)
    )
    services.ensure_answers(earlier)
    answer(earlier, "R", Status.CONFORMS)
    Mapping.objects.create(source="urn:test:lib:2.2", target="urn:test:other:R")
    _groups, total = services.progress(assessed)
    # 2.2 now counts as conforming: 4 of 4 answered, (2 + ½) / 4 = 62.5 %.
    assert total.answered_percent == Decimal("100.0")
    assert total.score == Decimal("62.5")
    assert total.mapped == 1
    # An answer given later than the assessment does not count for it.
    earlier.assessed_on = dt.date(2026, 6, 1)
    earlier.save()
    assert services.progress(assessed)[1].score == Decimal("37.5")


def test_it_keeps_the_answers_of_unchanged_requirements_in_a_new_version(assessed, cast):
    version2 = make_library(cast.inside, version="2", title_12="Objectives and targets")
    assert version2.pk != assessed.library.pk
    again = Assessment.objects.create(
        unit=cast.inside,
        library=version2,
        title="2027",
        assessed_on=dt.date(2027, 5, 1),
        based_on=assessed,
    )
    services.ensure_answers(again)
    statuses = {a.requirement.number: (a.status, a.reason) for a in again.answers.all()}
    assert statuses == {
        "1.1": (Status.CONFORMS, ""),
        "1.2": (Status.NOT_ASSESSED, ""),  # its wording changed: answered again
        "1.3": (Status.NOT_APPLICABLE, "No production on site."),
        "2.1": (Status.GAP, ""),
        "2.2": (Status.NOT_ASSESSED, ""),
    }
    # Both versions are one line over time.
    assert [a.title for a, _ in services.over_time(again)] == ["2026", "2027"]


def test_it_asks_a_reason_for_not_applicable(assessed):
    row = assessed.answers.get(requirement__number="2.2")
    row.status = Status.NOT_APPLICABLE
    with pytest.raises(Exception, match="Say why"):
        row.full_clean()


def test_it_turns_a_gap_into_one_action(assessed, cast):
    row = assessed.answers.get(requirement__number="2.1")
    action = services.gap_to_action(row, cast.superuser)
    assert action.unit == cast.inside and action.source == row
    assert services.gap_to_action(row, cast.superuser) == action
    with pytest.raises(Exception, match="Only a gap"):
        services.gap_to_action(assessed.answers.get(requirement__number="1.1"), cast.superuser)
