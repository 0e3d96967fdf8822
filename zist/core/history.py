"""Reading history: who changed what, when, from what to what, and registers as of a
past date. Records are written by django-simple-history; nothing here edits them."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalChanges
from treebeard.mp_tree import MP_Node

from zist.core.display import display
from zist.core.querysets import person_q, scope_paths

TYPE_LABELS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    record: models.Model
    kind: str
    changes: list[Change] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return TYPE_LABELS[self.kind]

    @property
    def user(self):
        return self.record.history_user

    @property
    def date(self) -> dt.datetime:
        return self.record.history_date


def restrict_history(queryset: models.QuerySet, user, model: type[models.Model]):
    """Historical records whose state lies in the user's view scope."""
    paths = scope_paths(user, model, "view")
    if paths is None:
        return queryset
    if not paths:
        return queryset.none()
    queryset = queryset.filter(on_history(model, model.scope_q(paths, "view")))
    person = person_q(model, user, "view")
    return queryset if person is None else queryset.filter(on_history(model, person))


def on_history(model: type[models.Model], query: Q) -> Q:
    """`query`, written for `model`, made to mean the same on the model's history table.

    There `pk` is the history row's own number, which may equal any record's id; the
    record's identity is the field named like the model's primary key (`id`). Scopes
    say `pk` ("pk__in": the documents that apply to my units), so every `pk` lookup at
    the query's top level is read as the record's id. Lookups through a relation
    ("unit__pk") already name the related record and stay as they are."""
    identity = model._meta.pk.attname

    def rewrite(node):
        if isinstance(node, Q):
            clone = copy.copy(node)
            clone.children = [rewrite(child) for child in node.children]
            return clone
        if isinstance(node, tuple) and (node[0] == "pk" or node[0].startswith("pk__")):
            return (identity + node[0][2:], node[1])
        return node

    return rewrite(query)


def is_historical(model: type[models.Model]) -> bool:
    """Whether `model` is a history table (rows are states of another model's records)."""
    return issubclass(model, HistoricalChanges)


def as_instances(records, prefetch: tuple[str, ...] = ()) -> list[models.Model]:
    """Historical rows as the records they were, with the related objects the rows'
    query joined (no query per row for a unit's name) and `prefetch` (relations that
    history does not keep, read as they are now) fetched once for all."""
    instances = []
    for record in records:
        instance = record.instance
        for model_field in instance._meta.concrete_fields:
            if not model_field.is_relation:
                continue
            try:
                joined = record._meta.get_field(model_field.name)
            except FieldDoesNotExist:  # a field history leaves out
                continue
            if joined.is_cached(record):
                setattr(instance, model_field.name, getattr(record, model_field.name))
        instances.append(instance)
    if prefetch:
        models.prefetch_related_objects(instances, *prefetch)
    return instances


def object_history(model: type[models.Model], pk: int, user) -> list[Entry] | None:
    """Every change of one object (also a deleted one), oldest first, or None when the
    user may not see the object's latest state."""
    records = (
        model.history.filter(id=pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    records = list(records)
    if not records:
        return None
    if model._base_manager.filter(pk=pk).exists():
        # A live record: its current place decides (historical rows may hold an old one).
        allowed = model.objects.restrict(user, "view").filter(pk=pk).exists()
    else:
        last = model.history.filter(history_id=records[-1].history_id)
        allowed = restrict_history(last, user, model).exists()
    if not allowed:
        return None
    names = _tracked_fields(records[0])
    related = _related_labels(model, records, names)
    entries, previous = [], None
    for record in records:
        entry = Entry(record, record.history_type)
        for name in names:
            new = getattr(record, name)
            old = getattr(previous, name) if previous is not None else None
            if previous is None and record.history_type == "+" and new in (None, ""):
                continue
            if previous is not None and old == new:
                continue
            if record.history_type == "-":
                continue
            model_field = model._meta.get_field(_field_name(model, name))
            entry.changes.append(
                Change(
                    capfirst(model_field.verbose_name),
                    _show(model_field, old, related, model, previous)
                    if previous is not None
                    else "",
                    _show(model_field, new, related, model, record),
                )
            )
        entries.append(entry)
        previous = record
    return entries


def _field_name(model, attname: str) -> str:
    for f in model._meta.concrete_fields:
        if f.attname == attname:
            return f.name
    return attname


def _tracked_fields(record) -> list[str]:
    skip = {
        "history_id",
        "history_date",
        "history_change_reason",
        "history_type",
        "history_user_id",
        "history_relation_id",
        # The record's own number: users never type it and Django labels it "ID" in
        # English only.
        "id",
    }
    if issubclass(record.instance_type, MP_Node):
        # treebeard's bookkeeping, labelled in English only; a unit's moves show through
        # its parent field instead.
        skip |= {"path", "depth", "numchild"}
    # Bookkeeping a model derives from what people typed (a clause's sort key).
    skip |= set(getattr(record.instance_type, "history_hidden", ()))
    return [
        f.attname
        for f in record._meta.concrete_fields
        if f.attname not in skip and f.name != "history_user"
    ]


def _related_labels(model, records, names) -> dict:
    """Labels of every object a foreign key in the history points to, one query each."""
    labels: dict = {}
    for name in names:
        model_field = model._meta.get_field(_field_name(model, name))
        if not model_field.many_to_one:
            continue
        ids = {getattr(r, name) for r in records} - {None}
        target = model_field.related_model
        manager = target._base_manager
        labels[target] = {obj.pk: str(obj) for obj in manager.filter(pk__in=ids)}
    return labels


def _show(model_field, value, related, model=None, record=None) -> str:
    # A model whose stored text is read differently (a built-in library's English
    # source, translated when read) says so with `history_text(record, name, value)`.
    hook = getattr(model, "history_text", None)
    if hook is not None and record is not None:
        text = hook(record, model_field.name, value)
        if text is not None:
            return text
    if model_field.many_to_one:
        if value is None:
            return display(None)
        return related.get(model_field.related_model, {}).get(value, f"#{value}")
    return display(value, model_field)


def as_of(model: type[models.Model], moment: dt.datetime) -> models.QuerySet:
    """The register as it stood at `moment`: the latest history row of each record
    made by then, records deleted by then left out.

    Rows, not simple_history's instances: those are made only when a query is fully
    read (not by `iterator()`, which exports use), and a history table holds no
    many-to-many links to prefetch. Tables turn the rows into records
    (`as_instances`) once per page or export chunk.

    Bulk tables (`bulk_rows`: readings, indicator values, degree days, emission
    factors) are imported by COPY or bulk_create without a history row per row, which
    would double an import's cost. Their imports only add rows, so the rows that
    existed at `moment` are those created by then (`created` is set by every import):
    the list reads the records themselves. Values edited by hand since are shown as
    they are now, and rows deleted since are missing."""
    if getattr(model, "bulk_rows", False):
        return model.objects.filter(created__lte=moment)
    rows = model.history.filter(history_date__lte=moment).latest_of_each()
    return rows.exclude(history_type="-")


def filter_history(filterset, model: type[models.Model]):
    """Make a register's filterset, built on history rows (the list as of a date),
    answer every filter: a filter on a column the history table keeps reads the rows
    as they stood; a many-to-many link or a computed filter ("overdue") is not kept in
    history, so it reads today's records and keeps the rows of those it finds. The
    free-text search reads the rows (its fields are columns of both tables)."""
    history_model = filterset.queryset.model

    def kept(filter_) -> bool:
        if filter_.method is not None:
            return filter_.field_name == "q"
        try:
            history_model._meta.get_field(filter_.field_name.split("__")[0])
        except FieldDoesNotExist:
            return False
        return True

    for filter_ in filterset.filters.values():
        if not kept(filter_):
            filter_.filter = _on_records(filter_.filter, model)
    return filterset


def _on_records(apply, model):
    def on_records(queryset, value):
        records = model.objects.all()
        found = apply(records, value)
        if found is records:  # the filter was left empty
            return queryset
        return queryset.filter(id__in=found.values("pk"))

    return on_records


def attachment_entries(model: type[models.Model], pk: int) -> list[Entry]:
    """Evidence files added to or removed from one record, as history entries of it."""
    from django.contrib.contenttypes.models import ContentType

    # By name: core imports no domain app; without the attachments app, no entries.
    try:
        Attachment = apps.get_model("attachments", "Attachment")
    except LookupError:
        return []
    content_type = ContentType.objects.get_for_model(model)
    records = Attachment.history.filter(
        content_type=content_type, object_id=pk, history_type__in=["+", "-"]
    ).select_related("history_user")
    label = capfirst(Attachment._meta.verbose_name)
    entries = []
    for record in records:
        added = record.history_type == "+"
        change = Change(label, "" if added else record.name, record.name if added else "")
        entries.append(Entry(record, "~", [change]))
    return entries
