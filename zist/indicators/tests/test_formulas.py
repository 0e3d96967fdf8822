from decimal import Decimal

import pytest

from zist.indicators import formulas


def test_it_respects_precedence_and_brackets():
    assert formulas.evaluate(formulas.parse("2 + 3 * 4"), {}) == 14
    assert formulas.evaluate(formulas.parse("(2 + 3) * 4"), {}) == 20
    assert formulas.evaluate(formulas.parse("-2 * -3"), {}) == 6
    assert formulas.evaluate(formulas.parse("10 - 4 - 3"), {}) == 3
    assert formulas.evaluate(formulas.parse("24 / 4 / 2"), {}) == 3


def test_it_computes_litres_per_citizen_per_day():
    node = formulas.parse("WATER * 1000 / INHABITANTS / DAYS")
    assert formulas.references(node) == {"WATER", "INHABITANTS"}
    values = {"WATER": Decimal(1_000_000), "INHABITANTS": Decimal(25_000), "DAYS": Decimal(365)}
    # 1 000 000 m³ = 10⁹ L over 25 000 people and 365 days = 109.589… L/person/d
    assert round(formulas.evaluate(node, values), 3) == Decimal("109.589")


def test_it_gives_none_for_a_zero_divisor_or_a_missing_value():
    node = formulas.parse("A / B")
    assert formulas.evaluate(node, {"A": Decimal(1), "B": Decimal(0)}) is None
    assert formulas.evaluate(node, {"A": Decimal(1)}) is None


@pytest.mark.parametrize(
    "text",
    ["", "A +", "(A", "A B", "__import__('os')", "A ** 2", "A; B", "open(1)", "a.b()"],
)
def test_it_refuses_what_is_not_a_formula(text):
    with pytest.raises(formulas.FormulaError):
        formulas.parse(text)
