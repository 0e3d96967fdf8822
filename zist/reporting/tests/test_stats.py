"""The benchmarking statistics against hand-worked figures."""

from decimal import Decimal as D

from zist.reporting import stats


def test_it_interpolates_percentiles_between_closest_ranks():
    # h = (5 − 1)·0.25 = 1 → x[1] = 4; median x[2] = 6; h = 3 → 8.
    assert stats.percentile([D(10), D(2), D(6), D(8), D(4)], "0.25") == D(4)
    assert stats.percentile([D(2), D(4), D(6), D(8), D(10)], "0.5") == D(6)
    assert stats.percentile([D(2), D(4), D(6), D(8), D(10)], "0.75") == D(8)
    # h = 3·0.25 = 0.75 → 1 + 0.75·(2 − 1) = 1.75; h = 2.25 → 3 + 0.25 = 3.25.
    assert stats.percentile([D(1), D(2), D(3), D(4)], "0.25") == D("1.75")
    assert stats.percentile([D(1), D(2), D(3), D(4)], "0.75") == D("3.25")
    assert stats.percentile([D(7)], "0.9") == D(7)


def test_it_puts_values_in_quartile_bands_from_the_best_side():
    s = stats.summary([D(2), D(4), D(6), D(8), D(10)])  # P25 4, P50 6, P75 8
    assert [stats.band(D(v), s, True) for v in (2, 4, 5, 6, 7, 8, 10)] == [1, 1, 2, 2, 3, 3, 4]
    assert [stats.band(D(v), s, False) for v in (10, 8, 7, 6, 5, 4, 2)] == [1, 1, 2, 2, 3, 3, 4]


def test_it_ranks_with_shared_places():
    assert stats.ranks([D(3), D(1), D(3), D(5)], True) == [2, 1, 2, 4]
    assert stats.ranks([D(3), D(1), D(3), D(5)], False) == [2, 4, 2, 1]


def test_it_flags_values_beyond_tukeys_fences():
    # 3.0, 3.2, 3.4, 3.6, 9.0: P25 3.2, P75 3.6, IQR 0.4, fences 2.6 and 4.2.
    s = stats.summary([D("3.0"), D("3.2"), D("3.4"), D("3.6"), D("9.0")])
    assert (s.p25, s.p75, s.lower_fence, s.upper_fence) == (
        D("3.2"),
        D("3.6"),
        D("2.60"),
        D("4.20"),
    )
    assert stats.outlier(D("9.0"), s) == "high"
    assert stats.outlier(D("2.5"), s) == "low"
    assert stats.outlier(D("4.2"), s) is None
    assert stats.outlier(D(100), stats.summary([D(1), D(2), D(100)])) is None  # too few


def test_it_measures_improvement_in_the_better_direction():
    assert stats.improvement(D(5), D(4), True) == D(20)
    assert stats.improvement(D(5), D(6), False) == D(20)
    assert stats.improvement(D(5), D(6), True) == D(-20)
    assert stats.improvement(None, D(6), True) is None


def test_the_regulators_reviewer_is_not_the_documents_proof_reader():
    from django.utils import translation

    from zist.documents.models import Review
    from zist.reporting.models import Submission

    for language, regulator, documents in (
        ("da", "bedømmer", "korrekturlæser"),
        ("fi", "tarkastaja", None),
    ):
        with translation.override(language):
            assert str(Submission._meta.get_field("reviewer").verbose_name) == regulator
            if documents:
                assert str(Review._meta.get_field("reviewer").verbose_name) == documents
