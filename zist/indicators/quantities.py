"""Units of measure: one pint registry for Zist, with exact (Decimal) conversions.

Users type units as they write them ("kWh", "m³", "t", "L/inhabitant/d"); we keep the
text they typed and convert with exact decimal factors, so 1 kWh is exactly 3.6 MJ and
1 m³ exactly 1000 L.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import pint
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from zist.core.calendars import to_latin_digits

ureg = pint.UnitRegistry(non_int_type=Decimal)
# Counted people, so that ratios per employee or per inhabitant keep their meaning.
# People type it in their language: نفر (Persian), henkilö (Finnish); Danish says person.
ureg.define("person = [population] = inhabitant = employee = citizen = نفر = henkilö")

_SUPERSCRIPTS = str.maketrans({"²": "**2", "³": "**3", "·": "*", "×": "*"})
# pint evaluates unit text with a small expression parser; malformed text ("kg+", "(",
# "*") makes it fail with whatever its tokenizer or evaluator raises (AssertionError,
# tokenize.TokenError, decimal.DivisionByZero…), so every failure reads as "not a unit".
_UNREADABLE = (Exception,)
# No unit people measure with has a power beyond this (m³, s⁻², kg/m²); larger powers
# ("km**99999") only make exact conversions explode.
MAX_POWER = 6
MAX_DIGITS = 30


def normalise_text(text: str) -> str:
    """Unit text as pint reads it: m³ → m**3, kWh·a → kWh*a, numbers in any digits
    (۰٫۸۴ kg/L → 0.84 kg/L)."""
    return to_latin_digits(str(text).strip()).translate(_SUPERSCRIPTS)


@lru_cache(maxsize=512)
def parse_unit(text: str):
    """The pint unit named by `text`; ValueError if pint does not know it."""
    try:
        unit = ureg.parse_units(normalise_text(text))
    except _UNREADABLE as exc:
        raise ValueError(text) from exc
    _check_powers(unit, text)
    return unit


def _check_powers(unit, text: str) -> None:
    if any(abs(power) > MAX_POWER for power in unit._units.values()):
        raise ValueError(text)


def validate_unit(text: str) -> None:
    """Form/model validator: the text must name a unit pint knows."""
    try:
        parse_unit(text)
    except ValueError:
        raise ValidationError(
            _("%(unit)s is not a unit of measure Zist knows (e.g. kWh, m³, t, L)."),
            params={"unit": text},
            code="unknown_unit",
        ) from None


def compatible(a: str, b: str) -> bool:
    """Whether quantities in unit `a` can be converted to unit `b`."""
    try:
        return parse_unit(a).dimensionality == parse_unit(b).dimensionality
    except ValueError:
        return False


@lru_cache(maxsize=1024)
def factor(source: str, target: str) -> Decimal:
    """The exact factor f with `x source` = `x·f target`; ValueError if incompatible."""
    if normalise_text(source) == normalise_text(target):
        return Decimal(1)
    try:
        quantity = ureg.Quantity(Decimal(1), parse_unit(source)).to(parse_unit(target))
    except pint.errors.DimensionalityError as exc:
        raise ValueError(f"{source} → {target}") from exc
    return Decimal(quantity.magnitude)


def convert(value, source: str, target: str):
    """`value` in unit `source` expressed in unit `target` (Decimal in, Decimal out;
    floats stay floats)."""
    if value is None:
        return None
    f = factor(source, target)
    if isinstance(value, float):
        return value * float(f)
    return Decimal(value) * f


def quantity(text: str):
    """A pint quantity typed as text, e.g. "36 MJ/m³" or "0.84 kg/L * 43 MJ/kg"."""
    try:
        value = ureg.Quantity(normalise_text(text))
        magnitude = Decimal(str(value.magnitude))
    except _UNREADABLE as exc:
        raise ValueError(text) from exc
    # A calorific value or density is a plain number ("36", "0.84"), not 1e999999.
    if not magnitude.is_finite() or (magnitude and abs(magnitude.adjusted()) > MAX_DIGITS):
        raise ValueError(text)
    _check_powers(value.units, text)
    return value


def validate_quantity(text: str) -> None:
    if not text:
        return
    try:
        quantity(text)
    except ValueError:
        raise ValidationError(
            _("%(value)s is not a quantity with a unit (e.g. 36 MJ/m³)."),
            params={"value": text},
            code="bad_quantity",
        ) from None
