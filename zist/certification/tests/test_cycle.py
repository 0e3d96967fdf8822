import datetime as dt

from zist.certification.cycle import (
    RECERTIFICATION,
    SURVEILLANCE_1,
    SURVEILLANCE_2,
    certification_cycle,
    cycle_decisions,
    expiry_date,
    next_milestone,
    years_without_audit,
)

D = dt.date


def test_it_builds_the_cycle_from_the_decision_date():
    cycle = certification_cycle(D(2024, 1, 21))
    assert cycle.expiry == D(2027, 1, 20)
    s1, s2, recert = cycle.milestones
    assert (s1.key, s1.opens, s1.deadline) == (SURVEILLANCE_1, D(2024, 1, 22), D(2025, 1, 21))
    assert (s2.key, s2.opens, s2.deadline) == (SURVEILLANCE_2, D(2025, 1, 22), D(2026, 1, 21))
    assert (recert.key, recert.opens, recert.deadline) == (
        RECERTIFICATION,
        D(2026, 1, 22),
        D(2027, 1, 20),
    )


def test_it_starts_region_2s_first_cycle_on_2_bahman_1387():
    cycle = certification_cycle(D(2009, 1, 21))  # 2 Bahman 1387
    assert cycle.milestones[0].deadline == D(2010, 1, 21)
    assert cycle.expiry == D(2012, 1, 20)


def test_it_handles_a_decision_on_29_february():
    cycle = certification_cycle(D(2024, 2, 29))
    assert cycle.milestones[0].deadline == D(2025, 2, 28)
    assert cycle.milestones[1].deadline == D(2026, 2, 28)
    assert expiry_date(D(2024, 2, 29)) == D(2027, 2, 27)


def test_it_lists_the_renewals_since_the_first_certification():
    decisions = cycle_decisions(D(2009, 1, 21), today=D(2026, 11, 21))
    assert decisions == [D(year, 1, 21) for year in (2009, 2012, 2015, 2018, 2021, 2024)]
    assert cycle_decisions(D(2018, 6, 15), today=D(2021, 6, 14)) == [D(2018, 6, 15)]


def test_it_finds_the_next_audit_of_the_cycle():
    cycle = certification_cycle(D(2024, 1, 21))
    assert next_milestone(cycle, []).key == SURVEILLANCE_1
    first = [("surveillance", D(2024, 12, 10))]
    assert next_milestone(cycle, first).key == SURVEILLANCE_2
    both = first + [("surveillance", D(2025, 12, 2))]
    assert next_milestone(cycle, both).key == RECERTIFICATION
    done = both + [("recertification", D(2026, 11, 5))]
    assert next_milestone(cycle, done) is None


def test_it_leaves_a_missed_first_surveillance_open():
    cycle = certification_cycle(D(2024, 1, 21))
    # Audited only in the second year: that audit is surveillance 2; surveillance 1
    # was missed and stays the next (overdue) one.
    assert next_milestone(cycle, [("surveillance", D(2025, 3, 1))]).key == SURVEILLANCE_1
    # A stage 2 audit does not count as surveillance.
    assert next_milestone(cycle, [("stage2", D(2024, 6, 1))]).key == SURVEILLANCE_1


def test_it_finds_calendar_years_without_an_audit():
    audits = [D(2024, 1, 10), D(2025, 12, 20), D(2026, 1, 5)]
    assert years_without_audit(audits, D(2024, 1, 21), D(2027, 1, 20)) == [2027]
    assert years_without_audit([D(2024, 1, 10)], D(2024, 1, 1), D(2026, 1, 1)) == [2025, 2026]
