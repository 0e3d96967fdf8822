from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zist.indicators import quantities


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("kWh", "MJ", Decimal("3.6")),
        ("MJ", "kWh", Decimal(1) / Decimal("3.6")),
        ("GJ", "MJ", Decimal(1000)),
        ("MWh", "GJ", Decimal("3.6")),
        ("TJ", "kWh", Decimal(1_000_000) / Decimal("3.6")),
        ("m³", "L", Decimal(1000)),
        ("L", "m**3", Decimal("0.001")),
        ("t", "kg", Decimal(1000)),
        ("kg", "t", Decimal("0.001")),
        ("ha", "m²", Decimal(10000)),
    ],
)
def test_it_converts_exactly(source, target, expected):
    assert quantities.factor(source, target) == expected


def test_it_keeps_decimals_exact_in_a_round_trip():
    kwh = quantities.convert(Decimal("123.456"), "kWh", "MJ")
    assert kwh == Decimal("444.4416")
    assert quantities.convert(kwh, "MJ", "kWh") == Decimal("123.456")


def test_it_refuses_incompatible_units():
    assert not quantities.compatible("kWh", "m³")
    with pytest.raises(ValueError):
        quantities.factor("kWh", "kg")


def test_it_validates_unit_text():
    quantities.validate_unit("L/person/d")
    with pytest.raises(ValidationError):
        quantities.validate_unit("bananas per fortnight")


def test_it_reads_a_stated_calorific_value_as_a_quantity():
    per_litre = quantities.quantity("0.84 kg/L * 43 MJ/kg").to("MJ/L")
    assert per_litre.magnitude == Decimal("36.12")
