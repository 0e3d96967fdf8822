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
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from zist.core import calendars, concurrency, numbers
from zist.core.forms import NumberField

MAX_ROWS = 20000
TRUE_WORDS = {"1", "true", "yes", "y", "x", "ja", "kyllä", "بله", "آری", "on"}
FALSE_WORDS = {"0", "false", "no", "n", "nej", "ei", "خیر", "نه", "off", ""}


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
    """Rows of a CSV (UTF-8, comma or semicolon) or XLSX file, header first."""
    name = (upload.name or "").lower()
    data = upload.read()
    if name.endswith(".xlsx") or data[:2] == b"PK":
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:
            raise ImportFileError(_("This is not a readable XLSX file.")) from exc
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("Save the CSV file as UTF-8 and try again.")) from exc
        rows = list(csv.reader(io.StringIO(text), delimiter=csv_delimiter_of(text)))
    rows = [row for row in rows if any(cell not in (None, "") for cell in row)]
    if not rows:
        raise ImportFileError(_("The file has no header row."))
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS}
        )
    return rows


def csv_delimiter_of(text: str) -> str:
    """The column separator of a CSV text, from its header line: `;` (Excel in Danish
    or Finnish, and Zist's own exports there) or a tab when the header has one, else
    `,`. The header decides, not the rows: `1234,5` in a row is a number."""
    header = text.split("\n", 1)[0]
    for delimiter in (";", "\t"):
        if delimiter in header:
            return delimiter
    return ","


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
    value = calendars.to_latin_digits(str(value))
    if isinstance(field, forms.ModelMultipleChoiceField):
        parts = [p.strip() for p in value.replace(",", ";").split(";") if p.strip()]
        return [_lookup(field, part) for part in parts]
    if isinstance(field, forms.ModelChoiceField):
        return _lookup(field, value) if value else ""
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        lowered = value.lower()
        if lowered in TRUE_WORDS:
            return "on" if isinstance(field, forms.BooleanField) else "true"
        if lowered in FALSE_WORDS:
            return "" if isinstance(field, forms.BooleanField) else "false"
        return value
    if isinstance(field, forms.ChoiceField) and value:
        for choice, label in field.choices:
            if value == str(choice) or value.lower() == str(label).lower():
                return choice
        for language in ("fa", "da", "fi", "en"):
            with translation.override(language):
                for choice, label in field.choices:
                    if value.lower() == str(label).lower():
                        return choice
    return value


def _lookup(field, value: str):
    """The pk of the related record named by `value`, or `value` (so the form says
    "not one of the available choices" in the user's language)."""
    queryset = field.queryset
    model = queryset.model
    if value.isdigit() and queryset.filter(pk=int(value)).exists():
        return value
    for attr in ("code", "username", "name", "title", "number"):
        try:
            model._meta.get_field(attr)
        except Exception:
            continue
        match = list(queryset.filter(**{f"{attr}__iexact": value})[:2])
        if len(match) == 1:
            return str(match[0].pk)
    for obj in queryset[:5000]:
        # Titles show dates in the user's calendar and digits; the cell's are Latin.
        if calendars.to_latin_digits(str(obj)).strip().lower() == value.lower():
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


def run_import(register, upload, request) -> ImportResult:
    """Validate every row; save all of them in one transaction only if all are valid."""
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
    forms_ok = []
    versions = {}  # row number → the version of the record it updates, as read
    probe = register.form(user=request.user)
    for number, row in enumerate(rows[1:], start=2):
        data = {}
        for name, value in zip(columns, row, strict=False):
            if name:
                data[name] = _convert(probe.fields[name], _cell(value), request.user)
        instance = register.find_existing(data, request.user)
        if instance is not None:
            versions[number] = concurrency.etag(instance)
        # Columns left out of the file keep the record's value, or take the value the
        # empty form would offer.
        current = register.form(instance=instance, user=request.user)
        for name in set(current.fields) - set(data):
            initial = current.get_initial_for_field(current.fields[name], name)
            if hasattr(initial, "pk"):
                initial = initial.pk
            elif isinstance(initial, list | tuple):
                initial = [getattr(item, "pk", item) for item in initial]
            if initial not in (None, ""):
                data[name] = initial
        form = register.form(data=data, instance=instance, user=request.user)
        if form.is_valid():
            forms_ok.append((number, form))
            continue
        messages = []
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.append(f"{capfirst(label)}: {error}" if label else str(error))
        result.errors.append(RowError(number, messages))
    if result.errors:
        return result
    with transaction.atomic():
        stale = _lock_updated(register, forms_ok, versions)
        if stale:
            return ImportResult(errors=stale)
        for number, form in forms_ok:
            updating = form.instance.pk is not None
            try:
                saved = register.save(form, request)
            except ValidationError as error:
                # A rule checked while saving: this row is refused and nothing is kept.
                transaction.set_rollback(True)
                return ImportResult(errors=[RowError(number, list(error.messages))])
            action = "change" if updating else "add"
            if (
                not register.model.objects.restrict(request.user, action)
                .filter(pk=saved.pk)
                .exists()
            ):
                transaction.set_rollback(True)
                return ImportResult(
                    errors=[RowError(0, [_("You may not place this record outside your units.")])]
                )
            if updating:
                result.updated += 1
            else:
                result.created += 1
    return result


def _lock_updated(register, forms_ok, versions: dict) -> list[RowError]:
    """Lock the rows of the records the import updates until it is saved, and refuse
    (by row) those someone changed or deleted since the file was read: the row's
    values were completed and checked against the record as it was then."""
    updating = [(form.instance.pk, number) for number, form in forms_ok if form.instance.pk]
    locked = concurrency.lock_all(register.model, {pk for pk, _number in updating})
    return [
        RowError(
            number,
            [
                _(
                    "Someone changed or deleted this record while the file was being read; "
                    "nothing was imported. Import the file again."
                )
            ],
        )
        for pk, number in updating
        if pk not in locked or concurrency.etag(locked[pk]) != versions.get(number)
    ]
