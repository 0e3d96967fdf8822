"""Fast, atomic, idempotent import of meter readings from CSV or XLSX.

Every row is read and checked first; if any row fails, nothing is stored and every
failing row is named with its number (the header is row 1) and the reason. Good files
are inserted in bulk inside one transaction. A reading is identified by its meter and
time (a unique constraint), so importing the same file again stores nothing new.
Consumption is derived during the import: appended readings continue from the meter's
last stored reading; readings that land between stored ones make the meter's series
be derived again from there.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from zist.core import calendars, numbers
from zist.core.querysets import scope_paths, subtree_q
from zist.meters import partitions, store
from zist.meters.models import ImportBatch, ImportSource, Meter, Quality, Reading

DEFAULT_MAPPING = {
    "meter": "meter",
    "timestamp": "timestamp",
    "value": "value",
    "quality": "quality",
}
# How many errors to list before saying "and more"; the import stays refused anyway.
MAX_ERRORS = 500
_DOTTED = re.compile(
    r"^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)
_YMD = re.compile(
    r"^(\d{3,4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$"
)


class ImportFileError(Exception):
    """The file as a whole cannot be used (unreadable, columns missing)."""


@dataclass
class RowError:
    row: int
    message: str


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    more_errors: int = 0
    batch: ImportBatch | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


def binary_stream(data) -> BinaryIO:
    """A file's bytes as a binary stream read from the start: bytes, an open file, or
    Django's uploaded or stored file (whose underlying file is read)."""
    if isinstance(data, bytes | bytearray):
        return io.BytesIO(data)
    while not isinstance(data, io.IOBase) and hasattr(data, "file"):
        data = data.file
    data.seek(0)
    return data


def sha256_of(data) -> str:
    """The SHA-256 of bytes, or of a binary stream read in blocks (then rewound)."""
    if isinstance(data, bytes | bytearray):
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    for block in iter(lambda: data.read(1 << 20), b""):
        digest.update(block)
    data.seek(0)
    return digest.hexdigest()


def read_table(data, name: str = "") -> tuple[list[str], Iterator[list]]:
    """Header and row iterator of a CSV (UTF-8; comma, semicolon or tab) or XLSX file,
    given as bytes or a binary stream. Rows are read as they are asked for: a file of
    millions of rows is never held whole (nor its text)."""
    stream = binary_stream(data)
    start = stream.read(4096)
    stream.seek(0)
    if name.lower().endswith(".xlsx") or start[:2] == b"PK":
        try:
            workbook = load_workbook(stream, read_only=True, data_only=True)
        except Exception as exc:
            raise ImportFileError(_("This is not a readable XLSX file.")) from exc
        rows = workbook.worksheets[0].iter_rows(values_only=True)
    else:
        try:
            # The sample may end inside a character: only its last one may be cut.
            sample = start.decode("utf-8-sig", errors="strict" if len(start) < 4096 else "ignore")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("Save the CSV file as UTF-8 and try again.")) from exc
        try:
            # The first ten lines tell the delimiter; the sniffer's time grows with its sample.
            dialect = csv.Sniffer().sniff("".join(sample.splitlines(True)[:10]), delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = _decoded(csv.reader(_lines(stream), dialect))
    for header in rows:
        if header and any(cell not in (None, "") for cell in header):
            return [str(cell or "").strip() for cell in header], rows
    raise ImportFileError(_("The file has no header row."))


def _lines(stream) -> Iterator[str]:
    """The text lines of a UTF-8 stream, decoded a megabyte at a time (a character cut
    at a block's end is completed by the next). No text wrapper: it would close the
    stream when dropped, and the streamed import may hand the stream to a second
    reading. Lines end at "\n" only, as `newline=""` has the csv module want."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    rest = ""
    while True:
        block = stream.read(1 << 20)
        text = rest + decoder.decode(block, final=not block)
        if not block:
            if text:
                yield text
            return
        lines = text.split("\n")
        rest = lines.pop()
        for line in lines:
            yield line + "\n"


def _decoded(rows: Iterator[list]) -> Iterator[list]:
    """CSV rows; a byte that is not UTF-8, wherever it is in the file, refuses it."""
    try:
        yield from rows
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("Save the CSV file as UTF-8 and try again.")) from exc


def template(fmt: str) -> tuple[bytes, str]:
    """An example file with the default column names."""
    header = list(DEFAULT_MAPPING.values())
    example = ["E-0001", "2025-01-31 00:00", "12345.6", "measured"]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerow(example)
        return ("\ufeff" + buffer.getvalue()).encode(), "text/csv; charset=utf-8"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "readings"
    sheet.append(header)
    sheet.append(example)
    help_sheet = workbook.create_sheet("help")
    for line in (
        (_("meter"), _("Meter code as in Zist")),
        (_("timestamp"), _("Date and time, e.g. 2025-01-31 00:00 or 1403/11/12 00:00")),
        (_("value"), _("Register value or consumption of the interval")),
        (_("quality"), _("measured, estimated or corrected (optional)")),
    ):
        help_sheet.append(list(line))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def parse_timestamp(value, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """A cell as an aware datetime; naive times are in the organisation's time zone.
    Accepts ISO (2025-01-31 13:00), day-first (31.01.2025 13:00) and Jalali
    (1403/11/12 13:00) text, in any digits, and spreadsheet dates."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time())
    else:
        text = calendars.to_latin_digits(str(value)).strip()
        try:
            moment = dt.datetime.fromisoformat(text)
        except ValueError:
            moment = _parse_other(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment


def _parse_other(text: str) -> dt.datetime:
    match = _DOTTED.match(text)
    if match:
        day, month, year, hour, minute, second = match.groups()
        return dt.datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    match = _YMD.match(text)
    if match:
        year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
        if year < calendars.GREGORIAN_YEAR_FLOOR:
            date = calendars.from_jalali(year, month, day)
        else:
            date = dt.date(year, month, day)
        return dt.datetime.combine(date, dt.time(hour, minute, second))
    raise ValueError(text)


def parse_value(value, decimal_comma: bool = False) -> float:
    """A value cell as a number, read by the product's one number reader
    (`zist.core.numbers`): with a decimal comma, Danish rules (`1.234,5`), else English
    ones (`1,234.5`); any digits, and the Persian `٫` and `٬` in both. Ambiguous text
    (`1,5` without a decimal comma, `1.5` with one) is refused, not guessed."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if not decimal_comma and isinstance(value, str) and value.isascii() and "," not in value:
        try:
            return float(value)  # the common case, fast
        except ValueError:
            pass  # perhaps digits grouped by spaces; words fail below
    return float(numbers.parse_number(str(value), "da" if decimal_comma else "en"))


_QUALITY_WORDS: dict[str, str] | None = None
QUALITY_VALUES = frozenset(Quality.values)


def parse_quality(value) -> str:
    global _QUALITY_WORDS
    if not value:
        return Quality.MEASURED
    if value in QUALITY_VALUES:
        return value
    if _QUALITY_WORDS is None:
        from django.utils import translation

        words = {}
        for language in ("en", "fa", "da", "fi"):
            with translation.override(language):
                for choice, label in Quality.choices:
                    words[str(label).lower()] = choice
                    words[choice] = choice
        words.update({"m": Quality.MEASURED, "e": Quality.ESTIMATED, "c": Quality.CORRECTED})
        _QUALITY_WORDS = words
    if not value:
        return Quality.MEASURED
    return _QUALITY_WORDS[str(value).strip().lower()]


def meters_for(unit, user) -> dict[str, list[Meter]]:
    """Meters of `unit`'s subtree on which `user` may add readings, by code."""
    meters = Meter.objects.filter(unit__path__startswith=unit.path)
    if user is not None:
        paths = scope_paths(user, Reading, "add")
        if paths is not None:
            meters = meters.filter(subtree_q("unit", paths))
    by_code: dict[str, list[Meter]] = defaultdict(list)
    for meter in meters:
        by_code[meter.code.lower()].append(meter)
    return by_code


def import_readings(
    data: bytes | BinaryIO,
    file_name: str,
    unit,
    user=None,
    mapping: dict[str, str] | None = None,
    source: ImportSource | None = None,
    decimal_comma: bool = False,
    progress: Callable[[str, int], None] | None = None,
) -> ImportReport:
    """Import one file of readings into the meters of `unit`'s subtree. `data` is the
    file's bytes or, better for a large file, a binary stream, read row by row.

    `mapping` names the file's columns for meter, timestamp, value and quality (a
    source's remembered mapping, else the defaults). `user` None means a trusted
    scheduled feed (the command); otherwise only meters where the user may add
    readings are found. `progress(stage, rows)` is called every few thousand rows.
    """
    from zist.organisations.models import Unit

    unit = Unit.objects.select_related("organisation").get(pk=unit.pk)
    zone = zoneinfo.ZoneInfo(unit.organisation.time_zone)
    mapping = {**DEFAULT_MAPPING, **(source.mapping() if source else {}), **(mapping or {})}
    if source is not None:
        decimal_comma = decimal_comma or source.decimal_comma
    stream = binary_stream(data)
    sha256 = sha256_of(stream)
    size = _size(stream)
    header, rows = read_table(stream, file_name)
    columns = _columns(header, mapping)
    meters = meters_for(unit, user)
    report = ImportReport()
    if store.streams(size, sum(len(found) for found in meters.values())):
        batch = {"unit": unit, "source": source, "file_name": file_name[:255], "sha256": sha256}
        streamed = _import_streamed(
            stream,
            file_name,
            columns,
            meters,
            zone,
            decimal_comma,
            {**batch, "user": user},
            progress,
        )
        if streamed is not None:
            return streamed
        # Not the plain case, and nothing stored: the whole file is read again below.
        header, rows = read_table(stream, file_name)
    parsed = _parse_rows(rows, columns, meters, zone, decimal_comma, report, progress)
    if report.rows == 0:
        raise ImportFileError(_("The file has no readings."))
    if report.errors:
        return report
    _ensure_partitions(parsed)
    with transaction.atomic():
        report.batch = ImportBatch.objects.create(
            unit=unit,
            source=source,
            file_name=file_name[:255],
            sha256=sha256,
            user=user,
            rows=report.rows,
        )
        distinct = sum(len(v) for v in parsed.values())
        try:
            report.created = store.store(
                parsed, report.batch, _source_name(source, file_name), progress
            )
        except store.StoreError as exc:
            raise ImportFileError(str(exc)) from None
        report.skipped = distinct - report.created
        report.batch.created_readings = report.created
        report.batch.skipped_readings = report.skipped
        report.batch.save(update_fields=["created_readings", "skipped_readings"])
    return report


def _import_streamed(
    stream, file_name, columns, meters, zone, decimal_comma, batch_fields, progress
) -> ImportReport | None:
    """The file through the streamed path (zist.meters.store.stream), or None when it
    is not the plain case and nothing was stored. A year without its partition gets
    it, outside any transaction, and the file is streamed again, once: if later blocks
    need still other years, the whole-file path makes them all."""
    by_id = {m.pk: m for found in meters.values() for m in found}
    name = _source_name(batch_fields["source"], file_name)
    for attempt in (1, 2):
        _header, rows = read_table(stream, file_name)
        report = ImportReport()
        checked = _checked_rows(rows, columns, meters, zone, decimal_comma, report, progress)
        try:
            streamed = store.stream(checked, report, batch_fields, by_id, name, progress)
        except store.YearsMissing as missing:
            if attempt == 2:
                return None
            partitions.ensure_years(missing.first, missing.last)
            continue
        except store.StoreError as exc:
            raise ImportFileError(str(exc)) from None
        if streamed is None:
            return None
        report.batch, report.created = streamed
        report.batch.rows = report.rows
        report.batch.save(update_fields=["rows"])
        return report
    return None


def _size(stream) -> int | None:
    try:
        size = stream.seek(0, io.SEEK_END)
        stream.seek(0)
        return size
    except (OSError, ValueError):
        return None


def _source_name(source, file_name: str) -> str:
    return source.name if source else file_name[:100]


def _ensure_partitions(parsed) -> None:
    """On PostgreSQL, the years of the file get their partitions of the readings table
    before the import's transaction, so that it holds no lock on the table's layout."""
    times = [
        moment for by_time in parsed.values() if by_time for moment in (min(by_time), max(by_time))
    ]
    if times:
        utc = dt.UTC
        partitions.ensure_years(min(times).astimezone(utc).year, max(times).astimezone(utc).year)


def _checked_rows(rows, columns, meters, zone, decimal_comma, report, progress):
    """Each good row as (meter id, time, value, quality, row number), in the file's
    order; problems go to `report`, and `report.rows` counts the rows once all are
    read. Most rows take the fast path below (a known meter code, a time text already
    seen, a plain number); any other row goes through `_parse_row`, which also words
    the error. Two values for one meter and time are the caller's to find."""
    times: dict[str, dt.datetime] = {}
    known: dict[str, Meter] = {}  # meter cell as written → its meter
    meter_at, time_at, value_at, quality_at = (
        columns["meter"],
        columns["timestamp"],
        columns["value"],
        columns["quality"],
    )
    width = 1 + max(i for i in (meter_at, time_at, value_at, quality_at) if i is not None)
    fast = meter_at is not None
    # In a file with decimal commas a value is plain when it has no dot (a group mark
    # there): its comma, if any, is the decimal point.
    group_mark = "." if decimal_comma else ","
    measured = Quality.MEASURED
    count = 0
    for number, row in enumerate(rows, start=2):
        if not any(row) and all(cell in (None, "") for cell in row):
            continue
        count += 1
        if progress and count % 50000 == 0:
            progress("read", count)
        if fast and len(row) >= width:
            meter = known.get(row[meter_at])
            timestamp = times.get(row[time_at])
            raw = row[value_at]
            quality = measured if quality_at is None else row[quality_at] or measured
            if meter is not None and timestamp is not None and quality in QUALITY_VALUES:
                value = None
                if type(raw) is str and group_mark not in raw:
                    try:
                        value = float(raw.replace(",", ".") if decimal_comma else raw)
                    except ValueError:
                        pass
                elif type(raw) is float or type(raw) is int:
                    value = float(raw)
                # value - value is 0.0 for a finite number only (not NaN or infinity).
                if value is not None and value - value == 0.0:
                    yield meter.pk, timestamp, value, quality, number
                    continue
        checked = _parse_row(row, columns, meters, zone, decimal_comma, times)
        if isinstance(checked, str):
            _refuse(report, number, checked)
            continue
        meter, timestamp, value, quality = checked
        yield meter.pk, timestamp, value, quality, number
        if meter_at is not None and meter_at < len(row) and isinstance(row[meter_at], str):
            known[row[meter_at]] = meter
    report.rows = count


def _refuse(report: ImportReport, number: int, problem: str) -> None:
    if len(report.errors) < MAX_ERRORS:
        report.errors.append(RowError(number, problem))
    else:
        report.more_errors += 1


def two_values(code: str, row: int) -> str:
    return _("meter %(code)s has another value at this time in row %(row)s") % {
        "code": code,
        "row": row,
    }


def _parse_rows(rows, columns, meters, zone, decimal_comma, report, progress):
    """The whole file checked, as {meter id: {time: (value, quality, row number)}}."""
    parsed: dict[int, dict[dt.datetime, tuple[float, str, int]]] = defaultdict(dict)
    codes = {m.pk: m.code for found in meters.values() for m in found}
    for meter_id, timestamp, value, quality, number in _checked_rows(
        rows, columns, meters, zone, decimal_comma, report, progress
    ):
        by_time = parsed[meter_id]
        seen = by_time.get(timestamp)
        if seen is None or seen[0] == value:
            by_time[timestamp] = (value, quality, number)
        else:
            _refuse(report, number, two_values(codes[meter_id], seen[2]))
    return parsed


def _export_headings(key: str) -> set[str]:
    """The heading of `key`'s column in Zist's own export of readings, in every
    language, so that an exported file imports back without naming its columns."""
    from django.utils import translation

    field = Reading._meta.get_field(key)
    headings = set()
    for language in ("fa", "da", "fi", "en"):
        with translation.override(language):
            headings.add(str(field.verbose_name).strip().lower())
    return headings


def _columns(header: list[str], mapping: dict[str, str]) -> dict[str, int | None]:
    lowered = [h.strip().lower() for h in header]
    columns: dict[str, int | None] = {}
    missing = []
    for key in ("meter", "timestamp", "value", "quality"):
        wanted = (mapping.get(key) or "").strip().lower()
        exported = [h for h in lowered if h in _export_headings(key)]
        if wanted and wanted not in lowered and wanted == DEFAULT_MAPPING[key] and exported:
            wanted = exported[0]
        if wanted and wanted in lowered:
            columns[key] = lowered.index(wanted)
        elif key == "quality" or (key == "meter" and not wanted):
            columns[key] = None
        else:
            missing.append(mapping.get(key) or key)
    if missing:
        raise ImportFileError(
            _("Columns not found: %(missing)s. The file has: %(found)s.")
            % {"missing": ", ".join(missing), "found": ", ".join(header)}
        )
    return columns


def _parse_row(row, columns, meters, zone, decimal_comma, times) -> str | tuple:
    def cell(key):
        index = columns[key]
        return row[index] if index is not None and index < len(row) else None

    code = cell("meter")
    code = code.strip().lower() if isinstance(code, str) else str(code or "").strip().lower()
    candidates = meters.get(code, [])
    if not candidates and " · " in code:
        # Zist's export names a meter "code · name".
        candidates = meters.get(code.split(" · ", 1)[0].strip(), [])
    if not candidates:
        return _("no meter with code %(code)s in this unit") % {"code": cell("meter") or ""}
    if len(candidates) > 1:
        return _("several meters have code %(code)s; import into the unit of one of them") % {
            "code": cell("meter")
        }
    meter = candidates[0]
    raw_time = cell("timestamp")
    # Files repeat the same times for every meter: parse each text once.
    timestamp = times.get(raw_time) if isinstance(raw_time, str) else None
    if timestamp is None:
        try:
            timestamp = parse_timestamp(raw_time, zone)
        except (ValueError, TypeError, OverflowError):
            return _("%(value)s is not a date and time") % {"value": raw_time or ""}
        if isinstance(raw_time, str):
            times[raw_time] = timestamp
    try:
        value = parse_value(cell("value"), decimal_comma)
    except (ValueError, TypeError):
        example = "1.234,5" if decimal_comma else "1,234.5"
        return _("%(value)s is not a number (write it like %(example)s)") % {
            "value": cell("value") or "",
            "example": example,
        }
    if value != value or value in (float("inf"), float("-inf")):
        return _("%(value)s is not a number") % {"value": cell("value")}
    try:
        quality = parse_quality(cell("quality"))
    except KeyError:
        return _("%(value)s is not a quality (measured, estimated, corrected)") % {
            "value": cell("quality")
        }
    return meter, timestamp, value, quality
