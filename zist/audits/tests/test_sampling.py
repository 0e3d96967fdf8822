import datetime as dt

import pytest

from zist.audits.sampling import (
    INITIAL,
    RECERTIFICATION,
    SURVEILLANCE,
    Site,
    propose_sites,
    rotation_plan,
    sample_size,
)


@pytest.mark.parametrize(
    ("n", "initial", "surveillance", "recertification"),
    [
        (9, 3, 2, 3),  # DOMAIN.md: √9 = 3, 0.6·3 = 1.8 → 2, 0.8·3 = 2.4 → 3
        (1, 1, 1, 1),
        (2, 2, 1, 2),  # √2 = 1.41 → 2, 0.85 → 1, 1.13 → 2
        (4, 2, 2, 2),  # √4 = 2, 1.2 → 2, 1.6 → 2
        (10, 4, 2, 3),  # √10 = 3.16 → 4, 1.90 → 2, 2.53 → 3
        (25, 5, 3, 4),  # exactly 3 and 4: no rounding up past whole numbers
        (100, 10, 6, 8),
        (0, 0, 0, 0),
    ],
)
def test_it_computes_the_iaf_md1_sample_sizes(n, initial, surveillance, recertification):
    assert sample_size(n, INITIAL) == initial
    assert sample_size(n, SURVEILLANCE) == surveillance
    assert sample_size(n, RECERTIFICATION) == recertification


def test_it_refuses_a_negative_number_of_sites():
    with pytest.raises(ValueError):
        sample_size(-1, INITIAL)


def nine_districts(**last):
    return [Site(n, f"District {n}", last.get(f"d{n}")) for n in range(1, 10)]


def test_it_proposes_the_sites_never_or_longest_ago_audited():
    sites = nine_districts(
        d1=dt.date(2024, 5, 1), d2=dt.date(2023, 5, 1), d3=dt.date(2025, 1, 1),
        d4=dt.date(2024, 1, 1), d5=dt.date(2024, 2, 1), d6=dt.date(2024, 3, 1),
        d7=dt.date(2024, 4, 1), d8=dt.date(2024, 6, 1),
    )  # fmt: skip
    chosen = propose_sites(sites, SURVEILLANCE)
    assert [s.name for s in chosen] == ["District 9", "District 2"]


def test_it_rotates_every_site_through_one_cycle():
    plan = rotation_plan(nine_districts())
    assert [len(audit) for audit in plan] == [3, 2, 2, 3]
    visited = [site.key for audit in plan for site in audit]
    assert sorted(set(visited)) == list(range(1, 10))
    # The first audit of the next cycle starts with the sites visited longest ago.
    assert [s.key for s in plan[0]] == [1, 2, 3]
    assert [s.key for s in plan[1]] == [4, 5]
