"""Numbers at the edges, read and written one way for the whole product.

Reading (`parse_number`): what a person types in a form, a filter or a spreadsheet cell,
in Latin, Persian (۰–۹) or Arabic-Indic (٠–٩) digits, with the separators of the
interface language. The rules, each with worked examples in
`zist/core/tests/test_numbers.py` and the reasons in decision 0009:

1. Digits of the three sets may be mixed; spaces around the number, and the bidi marks
   that copying from right-to-left text brings along, are ignored.
2. An optional sign stands first: `-`, `−` (U+2212) or `+`.
3. Decimal marks: `.` in English; `,` in Danish and Finnish; `٫`, `.` or `/` in
   Persian. Group (thousands) marks: `,` in English; `.` in Danish and Finnish; `٬` or
   `,` in Persian; and in every language a space, a no-break space, a narrow no-break
   space or a thin space. The Persian `٫` and `٬` mean the same in every language.
4. The language's decimal mark is always the decimal mark: `1,234` typed in Danish is
   1.234 (one point two three four), never 1234.
5. At most one decimal mark, with digits after it (`,5` is 0.5; `5,` is refused).
6. Group marks stand only before the decimal mark, all of one kind, with one to three
   digits before the first and exactly three between and after them: `1.234.567,5` is
   read in Danish, `1.23.456` and `12.5` are refused.
7. Anything else is refused with an example in the person's language and digits
   instead of guessed: `1.234,5,6` (two decimal marks), `1234.5` typed in Danish (a dot
   there groups thousands, and 1234.5 is no grouping), `1,5` typed in English, `1e5`.

Writing (`format_number`): separators from CLDR (Babel), the person's digits (Persian
digits come with the Persian `٫` and `٬`), and a precision that fits the value: as many
decimals as asked (a meter's resolution, a currency's digits), else those the value
carries, without trailing zeros and without binary float noise (a float is read at 12
significant digits: 14846.600000000093 is 14846.6).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import format_decimal, get_currency_precision
from django.utils import translation

from zist.core import calendars

SPACES = " \u00a0\u202f\u2009"
# Left-to-right, right-to-left and Arabic letter marks, and the embedding controls.
_BIDI = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "0123456789" * 2)
PERSIAN_DECIMAL = "\u066b"  # ٫
PERSIAN_GROUP = "\u066c"  # ٬
# Significant digits kept from a float: more than any meter shows, fewer than the 15–17
# where binary noise starts (0.1 + 0.2 = 0.30000000000000004).
FLOAT_DIGITS = 12


@dataclass(frozen=True)
class Convention:
    """How numbers are typed in one language: marks read as the decimal point and as
    thousands separators (besides the spaces every language accepts)."""

    decimal: str
    group: str


CONVENTIONS = {
    "en": Convention(decimal=".", group=","),
    "da": Convention(decimal=",", group="."),
    "fi": Convention(decimal=",", group="."),
    # Persian keyboards have ٫ and ٬; people also type . or / for the decimal point.
    "fa": Convention(decimal=PERSIAN_DECIMAL + "./", group=PERSIAN_GROUP + ","),
}


class NumberError(ValueError):
    """Text that is not a number (`code` "invalid") or could be read as more than one
    number (`code` "ambiguous")."""

    def __init__(self, text: str, code: str):
        super().__init__(text)
        self.text = text
        self.code = code


def language(lang: str | None = None) -> str:
    """The interface language whose conventions apply ("en" for any other)."""
    code = (lang or translation.get_language() or "en").split("-")[0].lower()
    return code if code in CONVENTIONS else "en"


def convention(lang: str | None = None) -> Convention:
    return CONVENTIONS[language(lang)]


_SIGNED = re.compile(r"^([-+\u2212]?)(.*)$", re.S)
_GROUPED = re.compile(r"^\d{1,3}(?:(\D)\d{3})(?:\1\d{3})*$")


def parse_number(text: str, lang: str | None = None) -> Decimal:
    """The exact number `text` means in `lang` (the active language by default), as a
    Decimal; NumberError when it is not a number or is ambiguous (see the module's
    rules)."""
    conv = convention(lang)
    cleaned = str(text).translate(_BIDI).translate(_DIGITS).strip(SPACES + "\t\n")
    sign, body = _SIGNED.match(cleaned).groups()
    sign = "-" if sign in ("-", "\u2212") else ""
    decimals = conv.decimal + PERSIAN_DECIMAL
    groups = conv.group + PERSIAN_GROUP + SPACES
    if not body or any(
        not (c.isascii() and c.isdigit()) and c not in decimals + groups for c in body
    ):
        raise NumberError(text, "invalid")
    marks = [i for i, c in enumerate(body) if c in decimals]
    if len(marks) > 1:
        raise NumberError(text, "ambiguous")
    whole, fraction = (body[: marks[0]], body[marks[0] + 1 :]) if marks else (body, None)
    if fraction is not None and not fraction.isdigit():
        # Nothing after the mark, or a group mark among the decimals (1,23.4 in Danish).
        raise NumberError(text, "ambiguous")
    if not whole.isdigit():
        if whole == "" and fraction:
            whole = "0"
        else:
            # Spaces of every kind count as one group mark.
            unified = "".join(" " if c in SPACES else c for c in whole)
            if not _GROUPED.match(unified):
                raise NumberError(text, "ambiguous")
            whole = "".join(c for c in unified if c.isdigit())
    try:
        return Decimal(f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}")
    except InvalidOperation:  # pragma: no cover - the checks above leave digits only
        raise NumberError(text, "invalid") from None


def to_decimal(value) -> Decimal:
    """A stored number as the Decimal a person would have typed: floats without binary
    noise (12 significant digits), Decimals as they are."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(f"{value:.{FLOAT_DIGITS}g}")
    return Decimal(str(value))


def decimals_of(value: Decimal) -> int:
    """How many decimals a value carries, trailing zeros left out (74100.00000000 → 0)."""
    if not value.is_finite():
        return 0
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent)


@lru_cache(maxsize=32)
def _pattern(decimals: int, grouping: bool) -> str:
    whole = "#,##0" if grouping else "0"
    return f"{whole}.{'0' * decimals}" if decimals else whole


def format_number(
    value,
    decimals: int | None = None,
    *,
    grouping: bool = True,
    digits: str | None = None,
    lang: str | None = None,
) -> str:
    """A number as the person reads it: CLDR separators of the language, the person's
    digits, `decimals` decimals (rounded half up) or, by default, those the value
    carries without trailing zeros or float noise. "" for None."""
    if value is None or value == "":
        return ""
    number = to_decimal(value)
    if not number.is_finite():
        return str(value)
    if decimals is None:
        decimals = decimals_of(number)
    else:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    persian = (digits or calendars.active_digits()) == calendars.PERSIAN_DIGITS
    text = format_decimal(
        number,
        format=_pattern(decimals, grouping),
        locale=language(lang),
        # Persian digits come with Persian separators (٫ ٬); Latin digits with the
        # language's Latin ones (1,234.5 for a Persian reader who chose Latin digits).
        numbering_system="default" if persian else "latn",
    )
    text = text.translate(_BIDI)
    return calendars.to_persian_digits(text) if persian else text


def format_money(value, currency: str, **kwargs) -> str:
    """An amount with as many decimals as its currency has (DKK 2, IRR 0)."""
    return format_number(value, get_currency_precision(currency), **kwargs)


def input_text(value, lang: str | None = None, digits: str | None = None) -> str:
    """A stored number as it stands in a form input: what the person would type
    (the language's decimal mark, no grouping, the person's digits)."""
    if value is None or value == "":
        return ""
    return format_number(value, grouping=False, digits=digits, lang=lang)


def example(lang: str | None = None, grouped: bool = True) -> str:
    """1234.5 as the person would type it (1.234,5 in Danish, ۱٬۲۳۴٫۵ in Persian)."""
    return format_number(Decimal("1234.5"), grouping=grouped, lang=lang)
