"""Reading and writing numbers in fa, da, fi and en: each rule of `zist.core.numbers`
with worked examples, each refusal, and the display without float noise."""

from decimal import Decimal

import pytest

from zist.core import calendars
from zist.core.numbers import NumberError, example, format_money, format_number, parse_number

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@pytest.mark.parametrize(
    ("lang", "text", "number"),
    [
        # Rule 1: every digit set, mixed; spaces around and bidi marks ignored.
        ("en", "1234.5", "1234.5"),
        ("fa", "۱۲۳۴٫۵", "1234.5"),
        ("fa", "١٢٣٤٫٥", "1234.5"),
        ("fa", "۱2٣4", "1234"),
        ("fa", " \u200f۱۲\u200e ", "12"),
        # Rule 2: the sign stands first.
        ("en", "-12.5", "-12.5"),
        ("fi", "\u221212,5", "-12.5"),
        ("fa", "\u200e\u2212۱۲٫۵", "-12.5"),
        ("da", "+7", "7"),
        # Rule 3: each language's decimal and group marks.
        ("en", "1,234,567.25", "1234567.25"),
        ("da", "1.234.567,25", "1234567.25"),
        ("da", "750100,4", "750100.4"),  # the reading stored as 7501004 before
        ("fi", "1 234 567,25", "1234567.25"),
        ("fi", f"1{NBSP}234,5", "1234.5"),
        ("fi", f"1{NNBSP}234,5", "1234.5"),
        ("fi", "1.234,5", "1234.5"),
        ("en", f"1{THIN}234.5", "1234.5"),
        ("fa", "۱٬۲۳۴٫۵", "1234.5"),  # the objective target of issue 13
        ("fa", "۱۲۳۴.۵", "1234.5"),
        ("fa", "۱۲۳۴/۵", "1234.5"),
        ("fa", "۱,۲۳۴٫۵", "1234.5"),
        ("da", "1٬234٫5", "1234.5"),  # ٫ and ٬ mean the same everywhere
        ("en", "1٬234٫5", "1234.5"),
        # Rule 4: the language's decimal mark is always the decimal mark.
        ("da", "1,234", "1.234"),
        ("fi", "1,234", "1.234"),
        ("en", "1.234", "1.234"),
        ("fa", "۱٫۲۳۴", "1.234"),
        # Group marks with valid groups read as thousands.
        ("da", "1.234", "1234"),
        ("en", "1,234", "1234"),
        # Rule 5: digits after the one decimal mark; none before is 0.
        ("da", ",5", "0.5"),
        ("en", ".5", "0.5"),
        ("en", "0012", "12"),
    ],
)
def test_it_reads_what_people_type(lang, text, number):
    assert parse_number(text, lang) == Decimal(number)


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("da", "1.234,5,6", "ambiguous"),  # two decimal marks (rule 5)
        ("en", "1.2.3", "ambiguous"),
        ("fa", "۱٫۲/۳", "ambiguous"),
        ("da", "5,", "ambiguous"),  # nothing after the decimal mark
        ("da", "1234.5", "ambiguous"),  # a dot groups in Danish; 1234.5 is no grouping
        ("da", "750100.4", "ambiguous"),
        ("fi", "12.5", "ambiguous"),
        ("en", "1,5", "ambiguous"),  # a comma groups in English
        ("en", "1234,5", "ambiguous"),
        ("fa", "۱,۵", "ambiguous"),
        ("da", "1.23.456", "ambiguous"),  # rule 6: three digits between group marks
        ("en", "1,234,56", "ambiguous"),
        ("en", "1234,567", "ambiguous"),  # four digits before the first group mark
        ("da", "1 234.567,5", "ambiguous"),  # two kinds of group mark
        ("da", "1,234.5", "ambiguous"),  # a group mark among the decimals
        ("en", "1.234,5", "ambiguous"),
        ("en", "", "invalid"),
        ("en", "-", "invalid"),
        ("en", "1e5", "invalid"),  # rule 7: nothing else
        ("en", "12 kWh", "invalid"),
        ("en", "--5", "invalid"),
        ("en", "nan", "invalid"),
        ("en", "Infinity", "invalid"),
        ("en", "0x1F", "invalid"),
        ("en", "1_000", "invalid"),
        ("en", "½", "invalid"),
    ],
)
def test_it_refuses_what_it_would_have_to_guess(lang, text, code):
    with pytest.raises(NumberError) as refused:
        parse_number(text, lang)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("lang", "digits", "text"),
    [
        ("en", calendars.LATIN_DIGITS, "-1,234,567.5"),
        ("da", calendars.LATIN_DIGITS, "-1.234.567,5"),
        ("fi", calendars.LATIN_DIGITS, f"-1{NBSP}234{NBSP}567,5"),
        ("fa", calendars.PERSIAN_DIGITS, "-۱٬۲۳۴٬۵۶۷٫۵"),
        # A Persian reader who chose Latin digits gets CLDR's Latin marks for Persian.
        ("fa", calendars.LATIN_DIGITS, "-1,234,567.5"),
    ],
)
def test_it_writes_the_languages_separators_from_cldr(lang, digits, text):
    assert format_number(Decimal("-1234567.5"), lang=lang, digits=digits) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (14846.600000000093, "14,846.6"),  # float noise seen in issue 13
        (34909.3999999991, "34,909.4"),
        (0.1 + 0.2, "0.3"),
        (Decimal("74100.00000000"), "74,100"),  # trailing zeros of a decimal column
        (Decimal("2.06"), "2.06"),
        (Decimal("0.000125"), "0.000125"),
        (12, "12"),
        (-0.5, "-0.5"),
    ],
)
def test_it_shows_what_the_value_carries_without_noise(value, text):
    assert format_number(value, lang="en", digits=calendars.LATIN_DIGITS) == text


def test_it_writes_persian_decimals_with_the_persian_mark():
    # Not "۲.۰۶", which reads as ۲۰۶.
    assert format_number(2.06, lang="fa", digits=calendars.PERSIAN_DIGITS) == "۲٫۰۶"
    assert format_number(Decimal("74100.00000000"), lang="fa", digits="persian") == "۷۴٬۱۰۰"


def test_it_rounds_to_the_decimals_asked_half_up():
    assert format_number(Decimal("2.345"), 2, lang="da", digits="latin") == "2,35"
    assert format_number(750100.4, 3, lang="da", digits="latin") == "750.100,400"
    assert format_number(1234.5, 0, lang="en", digits="latin", grouping=False) == "1235"


def test_it_writes_money_to_its_currencys_digits():
    assert format_money(Decimal("1250.5"), "DKK", lang="da", digits="latin") == "1.250,50"
    assert format_money(Decimal("1500000.00"), "IRR", lang="fa", digits="persian") == ("۱٬۵۰۰٬۰۰۰")


@pytest.mark.parametrize(
    ("lang", "digits"),
    [("en", "latin"), ("da", "latin"), ("fi", "latin"), ("fa", "persian"), ("fa", "latin")],
)
def test_what_it_writes_it_reads_back(lang, digits):
    with calendars.override(calendars.GREGORIAN, digits):
        for value in (Decimal("1234567.25"), Decimal("-0.5"), Decimal("750100.4"), 7):
            for grouping in (True, False):
                text = format_number(value, lang=lang, grouping=grouping)
                assert parse_number(text, lang) == value, text


def test_its_example_is_in_the_persons_language_and_digits():
    with calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS):
        assert example("fa") == "۱٬۲۳۴٫۵"
        assert example("fa", grouped=False) == "۱۲۳۴٫۵"
    with calendars.override(calendars.GREGORIAN, calendars.LATIN_DIGITS):
        assert example("da") == "1.234,5"
