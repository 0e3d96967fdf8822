"""Spreadsheet import for every register: CSV or XLSX in, atomic (every row or none).

Rows are validated with the register's own form, so an imported row obeys exactly the
rules of a row typed on the page: the user's calendar for dates, the user's scope for
units and other related records, the model's own `clean()`. Related records may be named
by id, code, name or their displayed text; choices by value or label (in any language
Zist speaks); booleans as yes/no, 1/0, true/false.

If any row fails, nothing is saved and every failing row is reported with its number
(as the spreadsheet shows it: the header is row 1) and the reasons.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from zist.core import calendars, concurrency, numbers
from zist.core.forms import NumberField
from zist.core.registry import save_form

# The largest cell a CSV file may hold (Python's csv refuses more than its field limit;
# a cell of a register is far smaller).
MAX_CELL = 128 * 1024
TRUE_WORDS = {"1", "true", "yes", "y", "x", "ja", "kyllä", "بله", "آری", "on"}
FALSE_WORDS = {"0", "false", "no", "n", "nej", "ei", "خیر", "نه", "off", ""}


# How a large file is imported in the background: set by the jobs app when it loads
# (`background(register, upload, user)` queues the import and returns the address of
# the job's page); None imports every file while the person waits.
background = None


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header, too many rows)."""


@dataclass
class RowError:
    row: int
    messages: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def import_fields(register) -> list[str]:
    """Form fields a spreadsheet may fill: all but file uploads."""
    form = register.form(user=None)
    return [name for name, f in form.fields.items() if not isinstance(f, forms.FileField)]


def headers(register) -> list[str]:
    form = register.form(user=None)
    return [str(capfirst(form.fields[name].label or name)) for name in import_fields(register)]


def template(register, fmt: str) -> tuple[bytes, str]:
    """An empty spreadsheet with the header row in the user's language, and a second
    sheet explaining each column."""
    form = register.form(user=None)
    names = import_fields(register)
    header = headers(register)
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerow(header)
        return ("\ufeff" + buffer.getvalue()).encode("utf-8"), "text/csv; charset=utf-8"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(register.model._meta.verbose_name_plural)[:31]
    sheet.append(header)
    guide = workbook.create_sheet(_("Help")[:31])
    guide.append([_("Column"), _("Required"), _("What to enter")])
    for name, label in zip(names, header, strict=True):
        guide.append(
            [
                label,
                _("Yes") if form.fields[name].required else _("No"),
                _describe(form.fields[name]),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _describe(field) -> str:
    if isinstance(field, forms.ModelMultipleChoiceField):
        return _("Names or codes, separated by semicolons")
    if isinstance(field, forms.ModelChoiceField):
        return _("Name, code or number of an existing record")
    if isinstance(field, forms.ChoiceField):
        return " | ".join(str(label) for value, label in field.choices if value != "")
    if isinstance(field, forms.DateTimeField):
        return _("Date and time, e.g. %(example)s") % {"example": calendars.datetime_input_hint()}
    if isinstance(field, forms.DateField):
        return _("Date, e.g. %(example)s") % {"example": calendars.date_input_hint()}
    if isinstance(field, NumberField):
        return _("Number, e.g. %(example)s") % {"example": numbers.example(grouped=False)}
    if isinstance(field, forms.BooleanField):
        return _("Yes or no")
    return str(field.help_text or "")


def read_rows(upload) -> list[list]:
    """Rows of a CSV (UTF-8, comma or semicolon) or XLSX file, header first.

    Read as a stream and refused as soon as a limit is passed: the file's size
    (`ZIST_IMPORT_MAX_BYTES`, known before anything is read), its rows
    (`ZIST_IMPORT_MAX_ROWS`) and, for XLSX, what its zip unpacks to
    (`ZIST_IMPORT_MAX_UNPACKED_BYTES`, against zip bombs)."""
    if upload.size is not None and upload.size > settings.ZIST_IMPORT_MAX_BYTES:
        raise ImportFileError(too_large(upload.size))
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    name = (upload.name or "").lower()
    if name.endswith(".xlsx") or head[:2] == b"PK":
        stream = _xlsx_rows(upload)
    else:
        stream = _csv_rows(upload, head)
    max_rows = settings.ZIST_IMPORT_MAX_ROWS
    rows = []
    for row in stream:
        if not any(cell not in (None, "") for cell in row):
            continue
        rows.append(row)
        if len(rows) - 1 > max_rows:
            raise ImportFileError(
                _("The file has more than %(max)s rows; split it.") % {"max": max_rows}
            )
    if not rows:
        raise ImportFileError(_("The file has no header row."))
    return rows


def too_large(size: int) -> str:
    return _("The file is %(size)s; the limit is %(limit)s.") % {
        "size": filesizeformat(size),
        "limit": filesizeformat(settings.ZIST_IMPORT_MAX_BYTES),
    }


def csv_delimiter_of(text: str) -> str:
    """The column separator of a CSV text, from its header line: `;` (Excel in Danish
    or Finnish, and Zist's own exports there) or a tab when the header has one, else
    `,`. The header decides, not the rows: `1234,5` in a row is a number."""
    header = text.split("\n", 1)[0]
    for delimiter in (";", "\t"):
        if delimiter in header:
            return delimiter
    return ","


def _xlsx_rows(upload):
    limit = settings.ZIST_IMPORT_MAX_UNPACKED_BYTES
    try:
        # zipfile stops unpacking a member at its declared size, so the declared sizes
        # bound what reading the workbook can cost.
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        upload.seek(0)
        workbook = load_workbook(upload, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as exc:
        raise ImportFileError(_("This is not a readable XLSX file.")) from exc
    if unpacked > limit:
        raise ImportFileError(
            _("The XLSX file unpacks to %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(unpacked), "limit": filesizeformat(limit)}
        )
    try:
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        workbook.close()


def _csv_rows(upload, head: bytes):
    delimiter = csv_delimiter_of(head.decode("utf-8-sig", errors="ignore"))
    text = io.TextIOWrapper(upload.file, encoding="utf-8-sig", newline="")
    try:
        yield from csv.reader(text, delimiter=delimiter)
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("Save the CSV file as UTF-8 and try again.")) from exc
    except csv.Error as exc:
        # In practice: a cell longer than the csv module's field limit.
        raise ImportFileError(
            _("A cell of the file is longer than %(max)s characters, or a quote is not closed.")
            % {"max": MAX_CELL}
        ) from exc
    finally:
        text.detach()  # leave the upload open for whoever reads it next


def _label_map(register) -> dict[str, str]:
    """Header text (in every language, and the field name) → field name."""
    names = import_fields(register)
    mapping = {name.lower(): name for name in names}
    for language in ("fa", "da", "fi", "en"):
        with translation.override(language):
            for name, label in zip(names, headers(register), strict=True):
                mapping[label.strip().lower()] = name
    return mapping


def _cell(value):
    """A cell as read: text (digits made Latin, except where a number field reads the
    person's own), or the number, date or date-time a spreadsheet cell holds."""
    if value is None:
        return ""
    if isinstance(value, dt.date | int | float | Decimal) and not isinstance(value, bool):
        return value
    return str(value).strip()


def _convert(field, value, user):
    """Spreadsheet text → what the form field accepts."""
    if isinstance(field, NumberField):
        # The field reads any digits and the language's separators itself, and takes
        # a spreadsheet's number as it is.
        return value
    if isinstance(value, dt.datetime) and not isinstance(field, forms.DateTimeField):
        value = value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    value = str(value)
    if isinstance(field, forms.CharField):
        # Digits are made Latin only where a number, date or id is read: text keeps
        # the digits it was written with ("کاشت ۳۰ درخت").
        return value
    if isinstance(field, forms.ModelMultipleChoiceField):
        parts = [p.strip() for p in value.replace(",", ";").split(";") if p.strip()]
        return [_lookup(field, part) for part in parts]
    if isinstance(field, forms.ModelChoiceField):
        return _lookup(field, value) if value else ""
    value = calendars.to_latin_digits(value)
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        lowered = value.lower()
        if lowered in TRUE_WORDS:
            return "on" if isinstance(field, forms.BooleanField) else "true"
        if lowered in FALSE_WORDS:
            return "" if isinstance(field, forms.BooleanField) else "false"
        return value
    if isinstance(field, forms.ChoiceField) and value:
        for choice, label in field.choices:
            if value == str(choice) or value.lower() == _plain(label):
                return choice
        for language in ("fa", "da", "fi", "en"):
            with translation.override(language):
                for choice, label in field.choices:
                    if value.lower() == _plain(label):
                        return choice
    return value


def _plain(text) -> str:
    """Text compared whatever its digits and case."""
    return calendars.to_latin_digits(str(text)).strip().lower()


def _lookup(field, value: str):
    """The pk of the related record named by `value` (its id, code, name, title or
    number, or its displayed text, written with any digits), or `value` (so the form
    says "not one of the available choices" in the user's language)."""
    queryset = field.queryset
    model = queryset.model
    latin = calendars.to_latin_digits(value)
    if latin.isdecimal() and len(latin) < 19 and queryset.filter(pk=int(latin)).exists():
        return latin
    spellings = list(dict.fromkeys([value, latin, calendars.to_persian_digits(latin)]))
    for attr in ("code", "username", "name", "title", "number"):
        try:
            model._meta.get_field(attr)
        except Exception:
            continue
        for spelling in spellings:
            match = list(queryset.filter(**{f"{attr}__iexact": spelling})[:2])
            if len(match) == 1:
                return str(match[0].pk)
    for obj in queryset[:5000]:
        if _plain(obj) == _plain(value):
            return str(obj.pk)
    return value


def _export_only_labels(register, mapping: dict[str, str]) -> set[str]:
    """Headings of the register's export (in every language) that no form field
    takes: computed columns such as a progress or a status, skipped on import so that
    an exported file imports back."""
    table = register.table(register.model.objects.none())
    labels = set()
    for language in ("fa", "da", "fi", "en"):
        with translation.override(language):
            labels.update(h.strip().lower() for h in table.export_header())
    return labels - set(mapping)


def run_import(register, upload, request, progress=None) -> ImportResult:
    """Validate every row; save all of them in one transaction only if all are valid.
    `progress(fraction)`, if given, is told how far the rows are (a background job)."""
    rows = read_rows(upload)
    mapping = _label_map(register)
    header = [str(_cell(h)).strip().lower() for h in rows[0]]
    shown = _export_only_labels(register, mapping)
    unknown = [
        rows[0][i] for i, h in enumerate(header) if h and h not in mapping and h not in shown
    ]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s. Download the template for the right headings.")
            % {"columns": ", ".join(str(u) for u in unknown)}
        )
    columns = [mapping.get(h) for h in header]
    result = ImportResult()
    probe = register.form(user=request.user)
    # Record id → the row that created or updated it. Each row is validated and saved in
    # turn inside one transaction, so a row meets the rows above it as stored records:
    # the organisation-wide rules (unique codes and references, in any case) hold
    # between rows of one file as they do against what is stored.
    touched: dict[int, int] = {}
    with transaction.atomic():
        for number, row in enumerate(rows[1:], start=2):
            if progress is not None and number % 50 == 0:
                progress(number / len(rows))
            data = {}
            for name, value in zip(columns, row, strict=False):
                if name:
                    data[name] = _convert(probe.fields[name], _cell(value), request.user)
            instance = register.find_existing(data, request.user)
            if instance is not None and instance.pk in touched:
                result.errors.append(
                    RowError(
                        number,
                        [
                            _(
                                "Rows %(first)s and %(second)s name the same record; keep "
                                "one of them."
                            )
                            % {"first": touched[instance.pk], "second": number}
                        ],
                    )
                )
                continue
            version = concurrency.etag(instance) if instance is not None else None
            form = _row_form(register, data, instance, request.user)
            if not form.is_valid():
                result.errors.append(RowError(number, _form_messages(form)))
                continue
            if result.errors:
                continue  # the rest is only checked: nothing will be kept
            if instance is not None and _changed_meanwhile(register, instance.pk, version):
                result.errors.append(
                    RowError(
                        number,
                        [
                            _(
                                "Someone changed or deleted this record while the file was "
                                "being read; nothing was imported. Import the file again."
                            )
                        ],
                    )
                )
                continue
            saved = _save_row(register, form, request, number, result)
            if saved is not None:
                touched[saved.pk] = number
        if result.errors:
            transaction.set_rollback(True)
            result.created = result.updated = 0
    return result


def _changed_meanwhile(register, pk: int, version: str) -> bool:
    """Lock the record a row updates until the import ends, and tell whether someone
    changed or deleted it since the row was read: the row's values were completed and
    checked against the record as it was then."""
    locked = concurrency.lock_all(register.model, {pk})
    return pk not in locked or concurrency.etag(locked[pk]) != version


def _row_form(register, data: dict, instance, user):
    # Columns left out of the file keep the record's value, or take the value the
    # empty form would offer.
    current = register.form(instance=instance, user=user)
    for name in set(current.fields) - set(data):
        initial = current.get_initial_for_field(current.fields[name], name)
        if hasattr(initial, "pk"):
            initial = initial.pk
        elif isinstance(initial, list | tuple):
            initial = [getattr(item, "pk", item) for item in initial]
        if initial not in (None, ""):
            data[name] = initial
    return register.form(data=data, instance=instance, user=user)


def _form_messages(form) -> list[str]:
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.append(f"{capfirst(label)}: {error}" if label else str(error))
    return messages


def _save_row(register, form, request, number: int, result: ImportResult):
    """Save one valid row in a savepoint; on a rule checked while saving, record the
    row's error (the caller then rolls everything back)."""
    updating = form.instance.pk is not None
    action = "change" if updating else "add"
    try:
        with transaction.atomic():
            saved = save_form(register, form, request)
            if (
                not register.model.objects.restrict(request.user, action)
                .filter(pk=saved.pk)
                .exists()
            ):
                raise ValidationError(_("You may not place this record outside your units."))
    except ValidationError as error:
        result.errors.append(RowError(number, list(error.messages)))
        return None
    except PermissionDenied as refusal:
        result.errors.append(
            RowError(
                number, [str(refusal) or _("You may not place this record outside your units.")]
            )
        )
        return None
    except IntegrityError:
        # A database rule no form checks (a race with another writer).
        result.errors.append(
            RowError(number, [_("This row clashes with a record saved meanwhile.")])
        )
        return None
    if updating:
        result.updated += 1
    else:
        result.created += 1
    return saved
