"""Reading history: who changed what, when, from what to what, and registers as of a
past date. Records are written by django-simple-history; nothing here edits them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node

from zist.core.display import display
from zist.core.querysets import scope_paths

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
    return queryset.filter(model.scope_q(paths, "view"))


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
                    _show(model_field, old, related) if previous is not None else "",
                    _show(model_field, new, related),
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


def _show(model_field, value, related) -> str:
    if model_field.many_to_one:
        if value is None:
            return display(None)
        return related.get(model_field.related_model, {}).get(value, f"#{value}")
    return display(value, model_field)


def as_of(model: type[models.Model], moment: dt.datetime):
    """The register as it stood at `moment` (historical instances)."""
    return model.history.as_of(moment)


def attachment_entries(model: type[models.Model], pk: int) -> list[Entry]:
    """Evidence files added to or removed from one record, as history entries of it."""
    from django.contrib.contenttypes.models import ContentType

    from zist.attachments.models import Attachment

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
