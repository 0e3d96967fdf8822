"""Declarative tables for list pages and exports.

A register's table names its columns; headers come from the model's verbose names,
cells from `zist.core.display`, and foreign keys shown in columns are joined with
`select_related` so a page costs the same number of queries for 10 or 10 000 rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.db import models
from django.db.models import F
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from zist.core.display import display, display_on, export_value, field_value, resolve_field
from zist.core.history import as_instances, is_historical

# Rows read from the database at a time by an export, and linked records' names kept.
EXPORT_CHUNK = 2000
NAMES_KEPT = 50_000


@dataclass
class Column:
    """One column: `accessor` is a field path ("unit__name") or attribute name."""

    accessor: str
    verbose_name: str | None = None
    orderable: bool = True
    link: bool = False
    # An attribute giving a nesting level (a unit's depth): the cell is indented by it.
    indent: str | None = None


class Table:
    """Subclass with `model` and `columns`; the first column links to the detail page
    unless a column says `link=True`."""

    model: type[models.Model]
    columns: list[str | Column] = []
    default_ordering: str | None = None
    # Relations a computed column reads, fetched in one query each.
    prefetch: tuple[str, ...] = ()

    def __init__(
        self, queryset: models.QuerySet, sort: str | None = None, columns: list | None = None
    ) -> None:
        # `columns` overrides the declared ones (a detail page's related list shows some).
        self.columns_ = [
            replace(c) if isinstance(c, Column) else Column(c)
            for c in (self.columns if columns is None else columns)
        ]
        if not any(c.link for c in self.columns_):
            self.columns_[0].link = True
        self.fields = {c.accessor: resolve_field(self.model, c.accessor) for c in self.columns_}
        for column in self.columns_:
            field = self.fields[column.accessor]
            if column.verbose_name is None:
                column.verbose_name = capfirst(field.verbose_name) if field else column.accessor
            if field is None or field.many_to_many or field.one_to_many:
                column.orderable = False
        self.sort = sort if self._valid_sort(sort) else None
        # A register "as of" a past date lists history rows (zist.core.history.as_of):
        # they become records per page or export chunk, many-to-many links fetched then.
        self.historical = is_historical(queryset.model)
        self.queryset = self._prepare(queryset)

    def _valid_sort(self, sort: str | None) -> bool:
        if not sort:
            return False
        name = sort.lstrip("-")
        return any(c.accessor == name and c.orderable for c in self.columns_)

    def _prepare(self, queryset: models.QuerySet) -> models.QuerySet:
        related, prefetch = set(), set(self.prefetch)
        for accessor, field in self.fields.items():
            parts = accessor.split("__")
            if field is not None and (field.many_to_many or field.one_to_many):
                prefetch.add(accessor)
            elif field is not None and (field.many_to_one or field.one_to_one):
                related.add(accessor)
                for extra in getattr(field.related_model, "str_select_related", ()):
                    related.add(f"{accessor}__{extra}")
            elif len(parts) > 1:
                related.add("__".join(parts[:-1]))
        if related:
            queryset = queryset.select_related(*sorted(related))
        self.prefetch_ = tuple(sorted(prefetch))
        if prefetch and not self.historical:
            queryset = queryset.prefetch_related(*self.prefetch_)
        if self.sort:
            # Ties by id in the sort's own direction: one (column, id) index read
            # forwards or backwards gives either (zist.core.list_indexes).
            queryset = queryset.order_by(self.sort, "-pk" if self.sort[0] == "-" else "pk")
        elif self.default_ordering:
            queryset = queryset.order_by(self.default_ordering)
        return queryset

    def headers(self) -> list[dict]:
        result = []
        for column in self.columns_:
            current = None
            if self.sort and self.sort.lstrip("-") == column.accessor:
                current = "descending" if self.sort.startswith("-") else "ascending"
            next_sort = f"-{column.accessor}" if current == "ascending" else column.accessor
            result.append({"column": column, "sort": current, "next_sort": next_sort})
        return result

    def sort_options(self) -> list[tuple[str, str]]:
        """Every order the list offers, both ways, for the "Sort by" field: on a phone
        the rows are cards and the column headers, the other way to sort, are hidden."""
        options = []
        for column in self.columns_:
            if column.orderable:
                name = column.verbose_name
                options.append((column.accessor, _("%(column)s, ascending") % {"column": name}))
                options.append(
                    (f"-{column.accessor}", _("%(column)s, descending") % {"column": name})
                )
        return options

    def records(self, objects) -> list[models.Model]:
        """`objects` as records: history rows become the records they were."""
        if self.historical:
            return as_instances(objects, self.prefetch_)
        return list(objects)

    def rows(self, objects, user=None) -> list[dict]:
        """Cells of `objects`; a linked record is a link only if `user` may open it."""
        records = self.records(objects)
        openable = _openable(records, self.columns_, user)
        rows = []
        for obj in records:
            cells = []
            for column in self.columns_:
                value = field_value(obj, column.accessor)
                url = ""
                if column.link:
                    url = obj.get_absolute_url()
                elif isinstance(value, models.Model) and hasattr(value, "get_absolute_url"):
                    if user is None or value.pk in openable.get(type(value), ()):
                        url = value.get_absolute_url()
                indent = "\u2003" * getattr(obj, column.indent, 0) if column.indent else ""
                cells.append(
                    {
                        "text": display(value, self.fields[column.accessor])
                        if "__" in column.accessor
                        else display_on(obj, value, self.fields[column.accessor]),
                        "url": url,
                        "indent": indent,
                        # Shown before the value when a narrow screen shows rows as cards.
                        "label": column.verbose_name,
                    }
                )
            rows.append({"object": obj, "cells": cells})
        return rows

    def export_header(self) -> list[str]:
        return [str(c.verbose_name) for c in self.columns_]

    def export_rows(self):
        """Every row of the table as exported values: read as plain values when every
        column is a stored field (no record built per row; a linked record is named
        once per chunk), else from the records."""
        plan = self._value_plan()
        rows = self._instance_rows() if plan is None else self._value_rows(plan)
        yield from rows

    def export_queryset(self) -> models.QuerySet:
        """The rows in the list's order, ties broken by id: the same file every time,
        whichever way it is read."""
        query = self.queryset.query
        ordering = list(query.order_by)
        if not ordering and query.default_ordering:
            ordering = list(self.model._meta.ordering)
        if any(str(o).lstrip("-") in ("pk", "id") for o in ordering):
            return self.queryset
        return self.queryset.order_by(*ordering, "pk")

    def _instance_rows(self):
        for chunk in _chunks(
            self.export_queryset().iterator(chunk_size=EXPORT_CHUNK), EXPORT_CHUNK
        ):
            for obj in self.records(chunk):
                yield [
                    export_value(field_value(obj, c.accessor), self.fields[c.accessor])
                    for c in self.columns_
                ]

    def _value_plan(self) -> list[type[models.Model] | None] | None:
        """Per column, None for a stored value or the model a foreign key names (shown
        as that record's text); None for the whole table when some column needs the
        record (a property, a many-to-many list, a history row, a path through a
        list)."""
        if self.historical:
            return None
        plan = []
        for column in self.columns_:
            field = self.fields[column.accessor]
            if field is None or not _single_path(self.model, column.accessor):
                return None
            if field.is_relation:
                target = getattr(field, "target_field", None)
                if not (field.many_to_one or field.one_to_one) or target is None:
                    return None
                if not target.primary_key:
                    return None
                plan.append(field.related_model)
            else:
                plan.append(None)
        return plan

    def _value_rows(self, plan):
        accessors = [c.accessor for c in self.columns_]
        fields = [self.fields[a] for a in accessors]
        # The id first: a restriction's DISTINCT must not merge two equal-looking rows.
        # Columns as expressions: a column named as the ordering names it ("session")
        # would otherwise be sorted by its own value, not by the linked record's order.
        columns = [F(accessor) for accessor in accessors]
        values = self.export_queryset().values_list("pk", *columns)
        values = values.iterator(chunk_size=EXPORT_CHUNK)
        names: dict[type, dict] = {}
        # A choice's label, translated once per export instead of once per cell.
        labels = [
            {key: str(label) for key, label in field.flatchoices} if field.choices else None
            for field in fields
        ]
        for chunk in _chunks(values, EXPORT_CHUNK):
            for position, model in enumerate(plan):
                if model is not None:
                    _name_records(model, {row[position + 1] for row in chunk}, names)
            for row in chunk:
                cells = []
                for position, field in enumerate(fields):
                    value, model, label = row[position + 1], plan[position], labels[position]
                    if value is None:
                        cells.append("")
                    elif model is not None:
                        cells.append(names[model].get(value, ""))
                    elif label is not None and value != "":
                        cells.append(label[value] if value in label else str(value))
                    else:
                        cells.append(export_value(value, field))
                yield cells


def _single_path(model, accessor: str) -> bool:
    """Whether "a__b" reaches one value per row: only forward foreign keys on the way."""
    current = model
    for part in accessor.split("__")[:-1]:
        try:
            field = current._meta.get_field(part)
        except Exception:
            return False
        if not (field.many_to_one or field.one_to_one) or not field.concrete:
            return False
        current = field.related_model
    last = resolve_field(model, accessor)
    return last is not None and (last.concrete or not last.is_relation)


def _name_records(model, ids: set, names: dict) -> None:
    """The text of each record `ids` names (as the record-by-record export shows it),
    read once per chunk for the ids not yet named."""
    known = names.setdefault(model, {})
    if len(known) > NAMES_KEPT:
        known.clear()
    wanted = {pk for pk in ids if pk is not None and pk not in known}
    if not wanted:
        return
    related = getattr(model, "str_select_related", ())
    found = model._base_manager.select_related(*related).in_bulk(wanted)
    for pk, record in found.items():
        known[pk] = export_value(record)


def _chunks(iterable, size: int):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _openable(records, columns, user) -> dict[type, set]:
    """Per model linked from the rows, the ids `user` may open: one query per model."""
    if user is None:
        return {}
    wanted: dict[type, set] = {}
    for obj in records:
        for column in columns:
            if column.link:
                continue
            value = field_value(obj, column.accessor)
            if isinstance(value, models.Model) and hasattr(value, "get_absolute_url"):
                wanted.setdefault(type(value), set()).add(value.pk)
    openable = {}
    for model, ids in wanted.items():
        manager = model._default_manager
        if hasattr(manager, "restrict"):
            found = manager.restrict(user, "view").filter(pk__in=ids).values_list("pk", flat=True)
            openable[model] = set(found)
        else:
            openable[model] = ids
    return openable
