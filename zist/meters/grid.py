"""The readings grid: one page to enter a period of readings for all meters of a unit
(a month of daily values, rows = days and columns = meters, or one value per meter on
one day).

Each typed cell goes through the reading form (`ReadingForm`: the same number and
date-time fields, the same meter restriction and the same model validation as one
reading typed on its own), and the grid is saved all or nothing: one bad cell, and
every cell is shown again with the bad ones named and nothing is stored. A saved cell
is an ordinary `form.save()`, so history records who entered what; consumption is
derived again once per meter from the earliest reading that changed.

Two people on the same grid never silently undo each other's readings (decision 0008):
the page carries the version of every reading it showed (`VERSIONS`, a digest of the
stored value as in `zist.core.concurrency`), and a cell whose reading someone saved or
added after the page was opened is refused, naming the value stored now, unless the
person typed that same value. The grid shown again carries the new versions, so saving
once more replaces the reading on purpose. The rows are locked and compared once more
when saving.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from calendar import monthrange
from dataclasses import dataclass, field

import jdatetime
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from zist.core import calendars, concurrency, numbers
from zist.meters import services
from zist.meters.forms import ReadingForm
from zist.meters.models import Meter, Quality, Reading

# The hidden field with the versions of the readings the page showed.
VERSIONS = "versions"
# What the grid writes to a reading; a change to anything else is no conflict.
VERSIONED = ["value"]


def reading_version(reading: Reading) -> str:
    return concurrency.page_token(reading, VERSIONED).partition(":")[2]


def parse_versions(text: str) -> dict[str, str]:
    pairs = (part.partition("=") for part in (text or "").split(";") if part)
    return {name: version for name, _sep, version in pairs if name}


class GridConflict(Exception):
    """A reading changed between the check and the save (the rows are locked then)."""


# The time of day a daily reading is taken at, unless the person says otherwise.
DEFAULT_TIME = dt.time(8, 0)
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


@dataclass(frozen=True)
class Month:
    """A month in the user's calendar (Jalali or Gregorian)."""

    year: int
    month: int
    jalali: bool

    @classmethod
    def containing(cls, day: dt.date, calendar: str | None = None) -> Month:
        if (calendar or calendars.active_calendar()) == calendars.JALALI:
            j = calendars.to_jalali(day)
            return cls(j.year, j.month, True)
        return cls(day.year, day.month, False)

    @classmethod
    def parse(cls, year: str, month: str, calendar: str | None = None) -> Month | None:
        """The month named in the address, or None when it is not a month."""
        try:
            y = int(calendars.to_latin_digits(year or ""))
            m = int(calendars.to_latin_digits(month or ""))
        except (TypeError, ValueError):
            return None
        jalali = (calendar or calendars.active_calendar()) == calendars.JALALI
        if not 1 <= m <= 12 or not (1300 <= y <= 1600 if jalali else 1900 <= y <= 2200):
            return None
        return cls(y, m, jalali)

    def shift(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1, self.jalali)

    def days(self) -> list[dt.date]:
        if self.jalali:
            first = calendars.from_jalali(self.year, self.month, 1)
            length = jdatetime.j_days_in_month[self.month - 1]
            if self.month == 12 and jdatetime.date(self.year, 1, 1).isleap():
                length += 1
        else:
            first = dt.date(self.year, self.month, 1)
            length = monthrange(self.year, self.month)[1]
        return [first + dt.timedelta(days=n) for n in range(length)]

    @property
    def label(self) -> str:
        """ "آبان ۱۴۰۵", "november 2026": the month as people name it."""
        if self.jalali:
            name = jdatetime.date.j_months_fa[self.month - 1]
            return f"{name} {calendars.localize_digits(str(self.year))}"
        return formats.date_format(dt.date(self.year, self.month, 1), "YEAR_MONTH_FORMAT")

    def query(self) -> dict[str, int]:
        return {"year": self.year, "month": self.month}


def parse_time(text: str) -> dt.time | None:
    """A time of day typed as 08:00, 8.00 or ۰۸:۰۰; None when it is not one."""
    match = _TIME.match(calendars.to_latin_digits(text or ""))
    if not match:
        return None
    hour, minute = (int(part) for part in match.groups())
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def time_text(value: dt.time) -> str:
    return calendars.localize_digits(value.strftime("%H:%M"))


@dataclass
class Cell:
    meter: Meter
    day: dt.date
    text: str = ""
    reading: Reading | None = None
    errors: list[str] = field(default_factory=list)
    form: ReadingForm | None = None
    # The stored value when the cell was checked (the form changes its instance).
    stored: float | None = None

    @property
    def name(self) -> str:
        return f"r-{self.meter.pk}-{self.day.isoformat()}"

    @property
    def label(self) -> str:
        """What a screen reader says for the input: the meter and the day."""
        return f"{self.meter.code}, {calendars.format_date(self.day)}"


@dataclass
class Row:
    day: dt.date
    cells: list[Cell]

    @property
    def number(self) -> str:
        """The day of the month in the user's calendar and digits."""
        if calendars.active_calendar() == calendars.JALALI:
            return calendars.localize_digits(str(calendars.to_jalali(self.day).day))
        return calendars.localize_digits(str(self.day.day))

    @property
    def weekday(self) -> str:
        return formats.date_format(self.day, "D")

    @property
    def label(self) -> str:
        return calendars.format_date(self.day)


def grid_meters(user, unit) -> list[Meter]:
    """The active meters of `unit` the user may add readings to."""
    from zist.core.forms import scope_choices

    if not scope_choices(Reading, user, "add").filter(pk=unit.pk).exists():
        return []
    return list(
        Meter.objects.restrict(user, "view").filter(unit=unit, active=True).order_by("code")
    )


class Grid:
    """The cells of one unit's meters over some days, filled from the stored readings
    or from what was posted."""

    def __init__(self, user, unit, days: list[dt.date], data=None, time: dt.time | None = None):
        self.user = user
        self.unit = unit
        self.days = days
        self.data = data
        self.meters = grid_meters(user, unit)
        self.time_error = ""
        self.time = time or DEFAULT_TIME
        if data is not None:
            self.time_text = data.get("time", "")
            parsed = parse_time(self.time_text)
            if parsed is None:
                self.time_error = _("Enter a time of day, e.g. %(example)s.") % {
                    "example": time_text(DEFAULT_TIME)
                }
            else:
                self.time = parsed
        else:
            self.time_text = time_text(self.time)
        stored = {
            (r.meter_id, timezone.localtime(r.timestamp).date()): r
            for r in Reading.objects.restrict(user, "view").filter(
                meter__in=self.meters,
                timestamp__gte=self.moment(days[0]) - dt.timedelta(hours=1),
                timestamp__lt=self.moment(days[-1] + dt.timedelta(days=1)),
            )
            if timezone.localtime(r.timestamp).time().replace(second=0) == self.time
        }
        self.rows = []
        for day in days:
            cells = []
            for meter in self.meters:
                cell = Cell(meter, day, reading=stored.get((meter.pk, day)))
                if data is not None:
                    cell.text = data.get(cell.name, "").strip()
                elif cell.reading is not None:
                    cell.text = numbers.input_text(cell.reading.value)
                cells.append(cell)
            self.rows.append(Row(day, cells))

    def moment(self, day: dt.date) -> dt.datetime:
        """The instant of the day's reading in the organisation's time zone."""
        return timezone.make_aware(dt.datetime.combine(day, self.time))

    def cells(self):
        for row in self.rows:
            yield from row.cells

    @property
    def versions(self) -> str:
        """The versions of the readings shown, for the page's hidden field."""
        return ";".join(
            f"{cell.name}={reading_version(cell.reading)}"
            for cell in self.cells()
            if cell.reading is not None
        )

    def _changed_since_opened(self, cell: Cell, seen: dict[str, str] | None) -> bool:
        """Whether someone saved or added the cell's reading after the page was opened
        (never, for a client that sent no versions: it is not our page)."""
        if seen is None or cell.reading is None:
            return False
        return seen.get(cell.name) != reading_version(cell.reading)

    def _conflict(self, cell: Cell, value) -> None:
        cell.errors.append(
            _(
                "Someone saved %(value)s here after you opened this page. Save again to "
                "replace it with your value."
            )
            % {"value": numbers.format_number(value)}
        )

    def errors(self) -> list[Cell]:
        return [cell for cell in self.cells() if cell.errors]

    def is_valid(self) -> bool:
        """Check every cell with the reading form; True when all are good."""
        if self.time_error:
            return False
        changeable = set(
            Reading.objects.restrict(self.user, "change")
            .filter(pk__in=[c.reading.pk for c in self.cells() if c.reading])
            .values_list("pk", flat=True)
        )
        seen = parse_versions(self.data[VERSIONS]) if VERSIONS in self.data else None
        for cell in self.cells():
            changed = self._changed_since_opened(cell, seen)
            if not cell.text:
                if changed and seen.get(cell.name) is None:
                    continue  # added by someone else while this cell stayed empty
                if cell.reading is not None:
                    cell.errors.append(_("To remove a reading, delete it on its own page."))
                continue
            reading = cell.reading
            before = reading.value if reading is not None else None
            cell.stored = before
            data = {
                "meter": cell.meter.pk,
                "timestamp": self.moment(cell.day),
                "value": cell.text,
                "quality": reading.quality if reading else Quality.MEASURED,
                "source": reading.source if reading else "",
            }
            if reading is not None and reading.restart:
                data["restart"] = "on"
            # A copy: the form writes what was typed into its instance while it
            # validates, and the cell keeps showing the stored reading's version.
            form = ReadingForm(data, instance=copy.copy(reading), user=self.user)
            if not form.is_valid():
                cell.errors.extend(
                    message for messages in form.errors.values() for message in messages
                )
                continue
            if reading is not None:
                if form.cleaned_data["value"] == before:
                    continue  # unchanged, or both typed the same
                if reading.pk not in changeable:
                    cell.errors.append(_("You may not change this reading."))
                    continue
                if changed:
                    typed = reading_version(Reading(value=form.cleaned_data["value"]))
                    if seen.get(cell.name) == typed:
                        continue  # a cell this person left as shown: the new value stays
                    self._conflict(cell, before)
                    continue
            cell.form = form
        return not self.errors()

    @transaction.atomic
    def save(self) -> int:
        """Store every changed cell (call after `is_valid`); how many were stored.
        Raises `GridConflict` (and stores nothing) when a reading changed after it was
        checked."""
        checked = {cell.reading.pk: cell for cell in self.cells() if cell.form and cell.reading}
        locked = concurrency.lock_all(Reading, checked)
        for pk, cell in checked.items():
            now = locked.get(pk)
            if now is None or now.value != cell.stored:
                cell.reading = now
                if now is not None:
                    self._conflict(cell, now.value)
                else:
                    cell.errors.append(
                        _("Someone deleted this reading after you opened this page.")
                    )
        if self.errors():
            raise GridConflict
        since: dict[int, dt.datetime] = {}
        saved = []
        for cell in self.cells():
            if cell.form is None:
                continue
            reading = cell.form.save()
            saved.append(reading.pk)
            moment = reading.timestamp
            since[cell.meter.pk] = min(since.get(cell.meter.pk, moment), moment)
        # Checked again inside the transaction, as every register save is.
        allowed = Reading.objects.restrict(self.user, "add").filter(pk__in=saved).count()
        if allowed != len(saved):
            raise PermissionDenied
        for meter in self.meters:
            if meter.pk in since:
                services.recompute_meter(meter, since[meter.pk])
        return len(saved)


def grid_units(user):
    """Units where the user may add readings and that have active meters."""
    from zist.core.forms import scope_choices

    with_meters = Meter.objects.restrict(user, "view").filter(active=True).values("unit")
    return scope_choices(Reading, user, "add").filter(pk__in=with_meters).order_by("path")


# More units than this, and the home page links to the grid's unit choice instead.
QUICK_UNITS = 5


def quick_entries(user):
    """Home page links: today's readings, this month and last month, per unit."""
    from django.urls import reverse
    from django.utils.http import urlencode

    from zist.core.navigation import QuickEntry

    url = reverse("meters:reading_grid")
    units = list(grid_units(user)[: QUICK_UNITS + 1])
    this = Month.containing(timezone.localdate())
    entries = []
    for unit in units[:QUICK_UNITS]:
        place = str(unit)
        entries += [
            QuickEntry(
                _("Today's readings"),
                f"{url}?{urlencode({'unit': unit.pk, 'day': 'today'})}",
                place,
            ),
            QuickEntry(
                _("Readings for %(month)s") % {"month": this.label},
                f"{url}?{urlencode({'unit': unit.pk, **this.query()})}",
                place,
            ),
            QuickEntry(
                _("Readings for %(month)s") % {"month": this.shift(-1).label},
                f"{url}?{urlencode({'unit': unit.pk, **this.shift(-1).query()})}",
                place,
            ),
        ]
    if len(units) > QUICK_UNITS:
        entries.append(QuickEntry(_("Readings of another unit"), url))
    return entries
