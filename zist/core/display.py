"""How a stored value reads in the UI, history and exports: one place for choices,
dates in the user's calendar, digits, booleans and related objects."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from zist.core import calendars, numbers

EMPTY = "—"


def field_value(obj: models.Model, name: str):
    """Follow "a__b" through related objects; None where a link is empty."""
    value = obj
    for part in name.split("__"):
        if value is None:
            return None
        value = getattr(value, part)
    return value


class Hidden:
    """A linked record the reader may not see: its link is said to exist, never named."""

    def __str__(self) -> str:
        return _("(not visible to you)")


def visible_value(obj: models.Model, name: str, user):
    """`field_value` as `user` may read it: Hidden where the path reaches or passes a
    record `user` may not view (a District 3 action owned by a region's manager, a
    risk tied to a region-level obligation). Each record on the path is checked
    through its own `restrict`."""
    value = obj
    for part in name.split("__"):
        if value is None:
            return None
        value = getattr(value, part)
        if isinstance(value, models.Model) and not _may_view(user, value):
            return Hidden()
    return value


def _may_view(user, record: models.Model) -> bool:
    manager = type(record)._default_manager
    if not hasattr(manager, "restrict"):
        return True
    return manager.restrict(user, "view").filter(pk=record.pk).exists()


def display(value, field: models.Field | None = None, digits: bool = True) -> str:
    """Text for one value as the current user should read it."""
    if getattr(field, "display_text", None) is not None:
        # A field that knows how it reads (a compiled JSON snapshot).
        return field.display_text(value)
    if field is not None and field.choices and value not in (None, ""):
        value = dict(field.flatchoices).get(value, value)
        return str(value)
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.datetime):
        return calendars.format_datetime(value)
    if isinstance(value, dt.date):
        return calendars.format_date(value)
    if isinstance(value, int | float | Decimal):
        return numbers.format_number(
            value,
            decimals=decimals_for(field),
            digits=None if digits else calendars.LATIN_DIGITS,
            # A year is a label, not a quantity: 2025, never 2.025 (a field named
            # "…year", or one that says `is_year`).
            grouping=not (
                field is not None and (field.name.endswith("year") or getattr(field, "is_year", 0))
            ),
        )
    if isinstance(value, models.Manager):
        return ", ".join(str(item) for item in value.all()) or EMPTY
    if isinstance(value, dict | list):
        return json_text(value, getattr(field, "key_labels", None) or {})
    if isinstance(value, models.fields.files.FieldFile):
        return value.name.rsplit("/", 1)[-1] if value else EMPTY
    return str(value)


def json_text(value, labels: dict | None = None) -> str:
    """A JSON value as lines a person reads: "label: value" for each key of an object
    (keys named by `labels`, a field's `key_labels`, else as stored: criterion codes),
    lists joined with "; ", numbers, dates and yes/no as everywhere else."""
    labels = labels or {}
    if isinstance(value, dict):
        if not value:
            return EMPTY
        return "\n".join(
            f"{labels.get(key, key)}: {_json_inline(item, labels)}" for key, item in value.items()
        )
    return _json_inline(value, labels)


def _json_inline(value, labels: dict) -> str:
    if isinstance(value, dict):
        return (
            "; ".join(
                f"{labels.get(key, key)}: {_json_inline(item, labels)}"
                for key, item in value.items()
            )
            or EMPTY
        )
    if isinstance(value, list):
        return "; ".join(_json_inline(item, labels) for item in value) or EMPTY
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return calendars.format_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return display(value)


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def display_on(obj: models.Model, value, field: models.Field | None) -> str:
    """`display(value, field)` for a value of `obj`, with what only the record knows: an
    amount of money (a field with `currency_of`, the path to the record's currency code)
    with as many decimals as its currency has (DKK 1 500,50, IRR 1,500)."""
    path = getattr(field, "currency_of", None)
    if path and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        currency = field_value(obj, path)
        if currency:
            return numbers.format_money(value, currency)
    return display(value, field)


def decimals_for(field: models.Field | None) -> int | None:
    """The decimals a field's values are shown with, where the field knows them (a
    field may say `display_decimals`); None: those the value carries."""
    return getattr(field, "display_decimals", None)


def export_value(value, field: models.Field | None = None):
    """A value for CSV/XLSX: numbers stay numbers (without float noise), dates stay
    dates and date-times local date-times (`zist.core.exports` writes them for the
    user's calendar and spreadsheet)."""
    if field is not None and field.choices and value not in (None, ""):
        return str(dict(field.flatchoices).get(value, value))
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float):
        return float(numbers.to_decimal(value))
    if isinstance(value, int | Decimal):
        return value
    if isinstance(value, models.Manager):
        return ", ".join(str(item) for item in value.all())
    return str(value)


def resolve_field(model: type[models.Model], name: str) -> models.Field | None:
    """The model field at the end of "a__b", or None for a property."""
    current = model
    field = None
    for part in name.split("__"):
        try:
            field = current._meta.get_field(part)
        except Exception:
            return None
        if field.is_relation and field.related_model is not None:
            current = field.related_model
    return field
