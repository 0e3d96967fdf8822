"""Demo data files: one generic loader for the JSON files under each app's `data/`.

A file reads like this (see zist/crisis/data/demo.json)::

    {
      "language": "fa", "calendar": "jalali",
      "keys": {"crisis.Hazard": ["unit", "name"], "organisations.Unit":
               ["organisation__name", "code"], ...},
      "names": {"office": ["organisations.Unit", ["شهرداری قزوین", "crisis-office"]]},
      "requires": ["office"],
      "records": [
        {"model": "crisis.Hazard", "unit": "@office", "name": "زلزله", "kind": "earthquake"},
        {"model": "crisis.HazardEvent", "hazard": ["@office", "زلزله"], "date": "1341-06-10"}
      ]
    }

- `keys` names each model's natural key: the fields that find a record already loaded,
  so loading a file twice changes nothing (a record is created only when its key finds
  none; an existing record is left as it is).
- A reference to another record (a foreign key, or an item of a many-to-many list) is
  written as that record's natural key, a list in the order of `keys` (nested for keys
  that are references themselves), or as `@name` for a reference named in `names`.
- Dates are read in the file's `calendar` (Jalali files write Jalali dates).
- Each record is validated as a user's input is (`full_clean`: field types, choices,
  lengths, the model's own rules and unique constraints) before it is saved; saving
  writes its history like any other change. An invalid record stops the load with the
  record named, and the demo command's transaction leaves nothing half-loaded.
- `requires` names references that must exist for the file to apply: a database without
  that organisation loads nothing from it.

`prepare` maps a model to a function called on each new record after validation and
before saving, for derived fields a service computes (an aspect's significance), as the
register's save computes them after the form validated what the user typed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils import translation

from zist.core import calendars


class DataFileError(Exception):
    """A demo data file names something that does not exist or is not valid."""


class DataFile:
    def __init__(self, path: Path, prepare: dict[type, Callable] | None = None):
        self.path = Path(path)
        self.spec = json.loads(self.path.read_text(encoding="utf-8"))
        self.keys = {label.lower(): tuple(fields) for label, fields in self.spec["keys"].items()}
        self.prepare = prepare or {}
        self.calendar = self.spec.get("calendar", calendars.GREGORIAN)
        self.cache: dict[tuple[str, str], models.Model] = {}
        self.counts: dict[str, int] = {}

    def load(self) -> dict[str, int]:
        """Create the records that are missing; return how many of each kind were made."""
        language = self.spec.get("language", "en")
        with translation.override(language), calendars.override(self.calendar):
            try:
                for name in self.spec.get("requires", []):
                    self.named(name)
            except DataFileError:
                return {}
            for number, record in enumerate(self.spec["records"], 1):
                try:
                    self.record(dict(record))
                except (ValidationError, ValueError, TypeError, LookupError) as error:
                    raise DataFileError(f"{self.path.name}, record {number}: {error}") from error
        return self.counts

    def record(self, record: dict) -> models.Model:
        model = apps.get_model(record.pop("model"))
        label = model._meta.label_lower
        many = {}
        values = {}
        for name, value in record.items():
            field = model._meta.get_field(name)
            if field.many_to_many:
                many[field] = [self.ref(field.related_model, item) for item in value]
            else:
                values[field.name] = self.value(field, value)
        key = {name: values[name] for name in self.keys[label]}
        obj = model.objects.filter(**key).first()
        if obj is None:
            obj = model(**values)
            obj.full_clean()
            # Derived fields are computed after validation, as a page's save does.
            if model in self.prepare:
                self.prepare[model](obj)
            obj.save()
            with translation.override("en"):
                kind = str(model._meta.verbose_name_plural)
            self.counts[kind] = self.counts.get(kind, 0) + 1
        for field, items in many.items():
            getattr(obj, field.name).add(*items)
        self.cache[(label, json.dumps([record[name] for name in self.keys[label]]))] = obj
        return obj

    def value(self, field, value):
        if value is None:
            return None
        if field.is_relation:
            return self.ref(field.related_model, value)
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField):
            return calendars.parse_date(value, self.calendar)
        return value

    def named(self, name: str) -> models.Model:
        if name not in self.spec.get("names", {}):
            raise DataFileError(f"{self.path.name}: no name {name!r}")
        label, key = self.spec["names"][name]
        return self.ref(apps.get_model(label), key)

    def ref(self, model, value) -> models.Model:
        """The record a reference names: `@name`, or its natural key as a list."""
        if isinstance(value, str) and value.startswith("@"):
            return self.named(value[1:])
        label = model._meta.label_lower
        cached = self.cache.get((label, json.dumps(value)))
        if cached is not None:
            return cached
        fields = self.keys.get(label)
        if fields is None:
            raise DataFileError(f"{self.path.name}: no natural key for {label}")
        if not isinstance(value, list) or len(value) != len(fields):
            raise DataFileError(f"{self.path.name}: {label} is named by {list(fields)}")
        lookup = {}
        for name, item in zip(fields, value, strict=True):
            field = model._meta.get_field(name.split("__")[0])
            lookup[name] = self.value(field, item) if "__" not in name else item
        try:
            obj = model.objects.get(**lookup)
        except ObjectDoesNotExist as error:
            raise DataFileError(f"{self.path.name}: no {label} {value}") from error
        self.cache[(label, json.dumps(value))] = obj
        return obj


def load(path: Path, prepare: dict[type, Callable] | None = None) -> dict[str, int]:
    return DataFile(path, prepare).load()
