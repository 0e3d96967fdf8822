"""The significance engine against worked examples with known answers."""

from decimal import Decimal

from zist.aspects import significance as sig

SEVERITY = sig.Criterion("severity", "Severity")
PROBABILITY = sig.Criterion("probability", "Probability")
EXTENT = sig.Criterion("extent", "Extent")
LEGAL = sig.Rule(sig.LEGAL_OBLIGATION)
EMERGENCY = sig.Rule(sig.CRITERION_AT_LEAST, "emergency", "severity", 4)
PRODUCT_27 = sig.Method(sig.PRODUCT, Decimal(27), (SEVERITY, PROBABILITY, EXTENT), (LEGAL,))


def scores(s, p, e):
    return {"severity": s, "probability": p, "extent": e}


def test_it_finds_3_3_3_significant_by_product():
    result = sig.evaluate(PRODUCT_27, scores(3, 3, 3))
    assert result.score == 27
    assert result.significant
    assert result.basis == sig.BY_SCORE


def test_it_finds_4_3_2_not_significant_without_a_legal_obligation():
    result = sig.evaluate(PRODUCT_27, scores(4, 3, 2))
    assert result.score == 24
    assert not result.significant
    assert result.basis == sig.BELOW_THRESHOLD


def test_it_makes_4_3_2_significant_with_an_applicable_legal_obligation():
    result = sig.evaluate(PRODUCT_27, scores(4, 3, 2), legal_obligations=("EPA-1353",))
    assert result.score == 24
    assert result.significant
    assert result.basis == sig.BY_LEGAL_OBLIGATION
    assert result.obligations == ("EPA-1353",)


def test_it_ignores_legal_obligations_without_the_rule():
    method = sig.Method(sig.PRODUCT, Decimal(27), (SEVERITY, PROBABILITY, EXTENT))
    assert not sig.evaluate(method, scores(4, 3, 2), legal_obligations=("X",)).significant


def test_it_computes_a_weighted_sum():
    # 2×4 + 1×3 + 0.5×2 = 12, threshold 12 → significant; 2×3 + 1×3 + 0.5×2 = 10 → not.
    method = sig.Method(
        sig.WEIGHTED_SUM,
        Decimal(12),
        (
            sig.Criterion("severity", "S", weight=Decimal(2)),
            sig.Criterion("probability", "P"),
            sig.Criterion("extent", "E", weight=Decimal("0.5")),
        ),
    )
    high = sig.evaluate(method, scores(4, 3, 2))
    assert high.score == Decimal(12) and high.significant
    low = sig.evaluate(method, scores(3, 3, 2))
    assert low.score == Decimal(10) and not low.significant


def test_it_applies_the_emergency_rule_only_under_emergency_conditions():
    method = sig.Method(
        sig.PRODUCT, Decimal(27), (SEVERITY, PROBABILITY, EXTENT), (LEGAL, EMERGENCY)
    )
    # 4×1×2 = 8, far below 27.
    emergency = sig.evaluate(method, scores(4, 1, 2), condition="emergency")
    assert emergency.significant and emergency.basis == sig.BY_RULE
    assert emergency.rule == EMERGENCY
    assert not sig.evaluate(method, scores(4, 1, 2), condition="normal").significant
    assert not sig.evaluate(method, scores(3, 1, 2), condition="emergency").significant


def test_it_reports_incomplete_scores():
    result = sig.evaluate(PRODUCT_27, {"severity": 5})
    assert result.score is None and not result.significant
    assert result.basis == sig.INCOMPLETE
    assert sig.score_errors(PRODUCT_27, {"severity": 6, "noise": 1}) == [
        ("noise", sig.UNKNOWN),
        ("severity", sig.OUT_OF_SCALE),
        ("probability", sig.MISSING),
        ("extent", sig.MISSING),
    ]


def test_it_parses_scores_in_any_digits():
    assert sig.parse_scores("Severity=۳; probability = 3\nextent=3") == scores(3, 3, 3)
    assert sig.format_scores(scores(3, 2, 1), ["severity", "probability", "extent"]) == (
        "severity=3; probability=2; extent=1"
    )
