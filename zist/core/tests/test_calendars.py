"""Calendar conversions and reporting years against DOMAIN.md's worked examples."""

import datetime as dt

import pytest

from zist.core import calendars


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1387, 11, 2), dt.date(2009, 1, 21)),  # Region 2 certified, 2 Bahman 1387
        ((1398, 6, 26), dt.date(2019, 9, 17)),  # Tuesday 26 Shahrivar 1398
        ((1404, 1, 1), dt.date(2025, 3, 21)),  # Nowruz 1404
        ((1403, 1, 1), dt.date(2024, 3, 20)),
        ((1403, 12, 30), dt.date(2025, 3, 20)),  # 1403 is a leap year: Esfand has 30 days
    ],
)
def test_it_converts_the_worked_examples(jalali, gregorian):
    assert calendars.from_jalali(*jalali) == gregorian
    converted = calendars.to_jalali(gregorian)
    assert (converted.year, converted.month, converted.day) == jalali


def test_it_knows_the_weekday_of_26_shahrivar_1398():
    assert calendars.from_jalali(1398, 6, 26).strftime("%A") == "Tuesday"


def test_it_refuses_a_day_that_does_not_exist():
    with pytest.raises(ValueError):
        calendars.from_jalali(1402, 12, 30)  # 1402 is not a leap year


@pytest.mark.parametrize(
    "text", ["۱۳۸۷/۱۱/۰۲", "١٣٨٧/١١/٠٢", "1387/11/02", "1387-11-2", " 1387.11.2 "]
)
def test_it_reads_jalali_input_in_every_digit_set(text):
    assert calendars.parse_date(text, calendars.JALALI) == dt.date(2009, 1, 21)


def test_it_reads_a_pasted_gregorian_date_in_a_jalali_field():
    assert calendars.parse_date("2009-01-21", calendars.JALALI) == dt.date(2009, 1, 21)


def test_it_rejects_nonsense():
    with pytest.raises(ValueError):
        calendars.parse_date("yesterday", calendars.JALALI)
    with pytest.raises(ValueError):
        calendars.parse_date("1387/13/01", calendars.JALALI)


def test_it_formats_jalali_dates_with_persian_digits():
    with calendars.override(calendars.JALALI, calendars.PERSIAN_DIGITS):
        assert calendars.format_date(dt.date(2009, 1, 21)) == "۱۳۸۷/۱۱/۰۲"
    with calendars.override(calendars.JALALI, calendars.LATIN_DIGITS):
        assert calendars.format_date(dt.date(2009, 1, 21)) == "1387/11/02"


def test_it_formats_gregorian_dates_in_the_locale():
    from django.utils import translation

    with calendars.override(calendars.GREGORIAN, calendars.LATIN_DIGITS):
        with translation.override("da"):
            assert calendars.format_date(dt.date(2009, 1, 21)) == "21.01.2009"
        with translation.override("en"):
            assert calendars.format_date(dt.date(2009, 1, 21)) == "2009-01-21"


def test_it_keeps_persian_and_arabic_indic_digits_apart():
    assert calendars.to_persian_digits("0123456789") == "۰۱۲۳۴۵۶۷۸۹"
    assert calendars.to_latin_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert calendars.to_latin_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"


@pytest.mark.parametrize(
    ("day", "label", "start", "end"),
    [
        (dt.date(2024, 3, 20), 1403, dt.date(2024, 3, 20), dt.date(2025, 3, 21)),
        (dt.date(2025, 3, 20), 1403, dt.date(2024, 3, 20), dt.date(2025, 3, 21)),
        (dt.date(2025, 3, 21), 1404, dt.date(2025, 3, 21), dt.date(2026, 3, 21)),
        (dt.date(2024, 3, 19), 1402, dt.date(2023, 3, 21), dt.date(2024, 3, 20)),
    ],
)
def test_it_finds_the_iranian_year(day, label, start, end):
    year = calendars.reporting_year(day, calendars.JALALI, 1, 1)
    assert (year.label, year.start, year.end) == (label, start, end)
    assert day in year


def test_it_finds_a_fiscal_year_starting_in_april():
    year = calendars.reporting_year(dt.date(2025, 2, 1), calendars.GREGORIAN, 4, 1)
    assert (year.label, year.start, year.end) == (2024, dt.date(2024, 4, 1), dt.date(2025, 4, 1))


def test_it_finds_a_year_by_its_label():
    year = calendars.reporting_year_by_label(1403, calendars.JALALI)
    assert (year.start, year.end) == (dt.date(2024, 3, 20), dt.date(2025, 3, 21))
