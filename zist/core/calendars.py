"""Calendars and digits at the edges: dates are stored Gregorian, shown and typed in the
user's calendar (Jalali or Gregorian) with the user's digits (Persian or Latin).

The active calendar and digits live in context variables set per request by
`UserPreferencesMiddleware`, so template filters, form fields and exports all agree.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import jdatetime
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

JALALI = "jalali"
GREGORIAN = "gregorian"
CALENDAR_CHOICES = [(JALALI, _("Jalali (Solar Hijri)")), (GREGORIAN, _("Gregorian"))]

PERSIAN_DIGITS = "persian"
LATIN_DIGITS = "latin"
DIGIT_CHOICES = [
    (PERSIAN_DIGITS, _("Persian digits (۱۲۳)")),
    (LATIN_DIGITS, _("Latin digits (123)")),
]

_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_TO_LATIN = str.maketrans(_PERSIAN + _ARABIC_INDIC + "٫٬", "0123456789" * 2 + ".,")
_TO_PERSIAN = str.maketrans("0123456789", _PERSIAN)

_calendar: ContextVar[str] = ContextVar("zist_calendar", default=GREGORIAN)
_digits: ContextVar[str] = ContextVar("zist_digits", default=LATIN_DIGITS)


def activate(calendar: str, digits: str) -> None:
    """Set the calendar and digits used for the rest of this request or thread."""
    _calendar.set(calendar)
    _digits.set(digits)


def active_calendar() -> str:
    return _calendar.get()


def active_digits() -> str:
    return _digits.get()


@contextmanager
def override(calendar: str, digits: str | None = None):
    """Temporarily use another calendar (and digits), e.g. in a test or an export."""
    cal_token = _calendar.set(calendar)
    dig_token = _digits.set(digits or _digits.get())
    try:
        yield
    finally:
        _calendar.reset(cal_token)
        _digits.reset(dig_token)


def to_latin_digits(text: str) -> str:
    """Turn Persian (U+06F0–9) and Arabic-Indic (U+0660–9) digits into ASCII digits."""
    return text.translate(_TO_LATIN)


def to_persian_digits(text: str) -> str:
    return str(text).translate(_TO_PERSIAN)


def language_digits(language: str) -> str:
    """The digits a text written in `language` uses (Persian in Persian)."""
    return PERSIAN_DIGITS if language == "fa" else LATIN_DIGITS


def localize_digits(text: str, digits: str | None = None) -> str:
    """Render `text` with the active (or given) digit set."""
    if (digits or active_digits()) == PERSIAN_DIGITS:
        return to_persian_digits(text)
    return str(text)


def to_jalali(value: dt.date) -> jdatetime.date:
    return jdatetime.date.fromgregorian(date=value)


def from_jalali(year: int, month: int, day: int) -> dt.date:
    """Gregorian date of a Jalali date; ValueError if the Jalali date does not exist."""
    return jdatetime.date(year, month, day).togregorian()


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole Gregorian months, clipped to the target month's last day
    (31 January + 1 month = 28 or 29 February). Works on dates and datetimes."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def format_date(value: dt.date | None, calendar: str | None = None) -> str:
    """A date in the active calendar and digits: 1387/11/02 or the locale's short format."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if (calendar or active_calendar()) == JALALI:
        try:
            j = to_jalali(value)
        except ValueError:
            # Jalali dates end in Gregorian 9999-03 (jdatetime's year 9377): a stored
            # date beyond is shown as the ISO date rather than failing the page.
            return localize_digits(value.isoformat())
        text = f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    else:
        text = formats.date_format(value, "SHORT_DATE_FORMAT")
    return localize_digits(text)


def format_datetime(value: dt.datetime | None, calendar: str | None = None) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{format_date(local.date(), calendar)} {localize_digits(local.strftime('%H:%M'))}"


def date_input_hint(calendar: str | None = None) -> str:
    """What a user should type, e.g. 1403/01/01 for Jalali."""
    if (calendar or active_calendar()) == JALALI:
        return localize_digits("1403/01/01")
    return (
        formats.get_format("DATE_INPUT_FORMATS")[0]
        .replace("%Y", "YYYY")
        .replace("%m", "MM")
        .replace("%d", "DD")
        .replace("%y", "YY")
    )


def datetime_input_hint(calendar: str | None = None) -> str:
    """What a user should type for a date and time, e.g. 1403/01/01 08:30 for Jalali."""
    return f"{date_input_hint(calendar)} {localize_digits('08:30')}"


GREGORIAN_YEAR_FLOOR = 1700
_JALALI_INPUT = re.compile(r"^\s*(\d{3,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


def parse_date(text: str, calendar: str | None = None) -> dt.date:
    """Parse a date typed in the given calendar, in any of the three digit sets.

    Jalali input is year/month/day; Gregorian input follows the locale's input formats
    and always accepts ISO. Raises ValueError when the text is not a valid date.
    """
    text = to_latin_digits(text).strip()
    if (calendar or active_calendar()) == JALALI:
        match = _JALALI_INPUT.match(text)
        if not match:
            raise ValueError(text)
        year, month, day = (int(part) for part in match.groups())
        if year >= GREGORIAN_YEAR_FLOOR:
            # Jalali years are in the 1300s–1400s; a year like 2025 is a Gregorian date
            # pasted from elsewhere (an ISO date in a spreadsheet).
            return dt.date(year, month, day)
        return from_jalali(year, month, day)
    for fmt in [*formats.get_format("DATE_INPUT_FORMATS"), "%Y-%m-%d"]:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


# A time at the end of a date-time: 8:30, 08:30:15, and 8.30 as Finns write it.
_TIME_AT_END = re.compile(r"(?:^|[\sT,]+)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*$")


def parse_datetime(text: str, calendar: str | None = None) -> dt.datetime:
    """Parse a date and time typed in the given calendar, in any of the three digit
    sets: the date as `parse_date` reads it, then hours and minutes (seconds
    optional). A date alone is its midnight. The result is naive (wall-clock time);
    ValueError when the text is not a valid date and time.

    `1405/09/11 08:00` and `1405-09-11 08:00` typed by a Jalali user are both 11 Azar
    1405, never the Gregorian year 1405."""
    text = to_latin_digits(text).strip()
    match = _TIME_AT_END.search(text)
    if match is None:
        return dt.datetime.combine(parse_date(text, calendar), dt.time())
    date_text = text[: match.start()].strip()
    if not date_text:
        raise ValueError(text)
    hour, minute, second = (int(part or 0) for part in match.groups())
    return dt.datetime.combine(parse_date(date_text, calendar), dt.time(hour, minute, second))


@dataclass(frozen=True)
class ReportingYear:
    """One reporting year: `label` as people say it (1403, 2024), `start` inclusive,
    `end` exclusive, both Gregorian dates."""

    label: int
    start: dt.date
    end: dt.date

    def __contains__(self, value: dt.date) -> bool:
        return self.start <= value < self.end


def reporting_year(
    value: dt.date, calendar: str, start_month: int = 1, start_day: int = 1
) -> ReportingYear:
    """The reporting year containing `value`.

    The start month and day are in `calendar`: 1 Farvardin for an Iranian year, 1 January
    for a calendar year, 1 April for a British fiscal year… A year is labelled by the
    calendar year in which it starts (Iranian year 1403 runs 20 March 2024 – 20 March 2025).
    """
    if calendar == JALALI:
        j = to_jalali(value)
        label = j.year if (j.month, j.day) >= (start_month, start_day) else j.year - 1
        start = from_jalali(label, start_month, start_day)
        end = from_jalali(label + 1, start_month, start_day)
    else:
        label = (
            value.year if (value.month, value.day) >= (start_month, start_day) else value.year - 1
        )
        start = dt.date(label, start_month, start_day)
        end = dt.date(label + 1, start_month, start_day)
    return ReportingYear(label, start, end)


def reporting_year_by_label(
    label: int, calendar: str, start_month: int = 1, start_day: int = 1
) -> ReportingYear:
    if calendar == JALALI:
        start = from_jalali(label, start_month, start_day)
    else:
        start = dt.date(label, start_month, start_day)
    return reporting_year(start, calendar, start_month, start_day)


# Dates people type (forms, filters, imports, the API) must fall in this window: a year
# 0, 1700 or 9999 is a typing slip, and Jalali cannot even show dates after 9999-03.
PLAUSIBLE_FIRST = dt.date(1900, 1, 1)
PLAUSIBLE_LAST = dt.date(2200, 12, 31)


def is_plausible(value: dt.date) -> bool:
    """Whether a typed date lies in the plausibility window (1900–2200 Gregorian,
    1278–1579 Jalali)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return PLAUSIBLE_FIRST <= value <= PLAUSIBLE_LAST


def plausible_window_message() -> str:
    """The translated refusal, with the window's ends in the active calendar."""
    return _("Enter a date between %(first)s and %(last)s.") % {
        "first": format_date(PLAUSIBLE_FIRST),
        "last": format_date(PLAUSIBLE_LAST),
    }


_YEAR = re.compile(r"^\s*\d{1,6}\s*$")


def plausible_year(text: str, calendar: str) -> int | None:
    """A reporting-year label typed in a query (?year=1403) if it is a number whose
    year lies in the plausibility window of `calendar`, else None."""
    text = to_latin_digits(text or "")
    if not _YEAR.match(text):
        return None
    year = int(text)
    first, last = PLAUSIBLE_FIRST.year, PLAUSIBLE_LAST.year
    if calendar == JALALI:
        first, last = to_jalali(PLAUSIBLE_FIRST).year + 1, to_jalali(PLAUSIBLE_LAST).year
    return year if first <= year <= last else None
