"""Optimistic concurrency: two people who edit the same record never silently undo
each other's work (decision 0008-derived-version-tokens).

A record's version is derived from what it stores, not kept in a column:

- an edit page carries a *version token*, one short digest per field of its form as
  the record stood when the page was opened (`page_token`);
- the API answers every record with an *ETag*, one digest of all the record's stored
  values (`etag`), and honours `If-Match` on PUT, PATCH and DELETE;
- an import remembers the ETag of each record it is about to update.

Each save locks the record's row (`lock_in_place`, SELECT … FOR UPDATE where the
database has it) inside its transaction and compares the version given with the one
stored now.
A change made by any path (a page, the API, an import, a service, a shell) changes the
digests; a save that changes nothing (or only `last_updated`) does not.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from zist.core.display import display

# The name of the hidden field that carries an edit page's version token.
FIELD = "_version"
# Changed by every save, even one that changes nothing else: never part of a version.
UNVERSIONED = ("last_updated",)


def _plain(value):
    """A stored or typed value as text that is equal exactly when the values are."""
    if isinstance(value, models.Model):
        value = value.pk
    if isinstance(value, Decimal):
        # 1.5 typed and 1.50 read back from a DECIMAL(…, 2) column are the same value.
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if value is None:
        return ""
    return value


def _digest(value) -> str:
    text = json.dumps(_plain(value), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def stored_value(obj: models.Model, field: models.Field):
    """What `obj` stores for `field`: the value, the related record's key, or the sorted
    keys of a many-to-many relation (read from the database)."""
    if field.many_to_many:
        if obj.pk is None:
            return []
        return sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return getattr(obj, field.attname)


def _model_field(model, name: str) -> models.Field | None:
    try:
        field = model._meta.get_field(name)
    except Exception:
        return None
    if field.concrete or field.many_to_many:
        return field
    return None


def form_fields(form) -> list[str]:
    """Fields of a model form that the form writes to its record (and so could undo
    someone else's change)."""
    model = form._meta.model
    return [name for name in form.fields if _model_field(model, name) is not None]


def page_token(obj: models.Model, names: list[str]) -> str:
    """The version token of an edit page: `name:digest` for each field it edits."""
    model = type(obj)
    return ",".join(
        f"{name}:{_digest(stored_value(obj, _model_field(model, name)))}" for name in names
    )


def _parse(token: str) -> dict[str, str]:
    parts = (part.partition(":") for part in token.split(",") if part)
    return {name: digest for name, _sep, digest in parts if name and digest}


def versioned_fields(model) -> list[models.Field]:
    """Every field that makes a record's version: its stored values and links, not
    the bookkeeping of the save (`last_updated`) nor what history leaves out."""
    skip = {*UNVERSIONED, *getattr(model, "history_excluded_fields", ())}
    return [
        f
        for f in model._meta.get_fields()
        if (f.concrete or f.many_to_many) and not f.auto_created and f.name not in skip
        if not (f.many_to_many and not f.concrete)
    ]


def etag(obj: models.Model) -> str:
    """The record's entity tag: one digest of every versioned value, quoted."""
    parts = [f"{f.name}:{_digest(stored_value(obj, f))}" for f in versioned_fields(type(obj))]
    return '"' + hashlib.sha256(",".join(parts).encode()).hexdigest()[:32] + '"'


def matches(if_match: str, obj: models.Model) -> bool:
    """Whether an If-Match header names the record's current version. `*` matches any
    existing record. A weak tag (W/"…") is accepted too: our tags are digests of the
    stored values, which a proxy that compresses the body (and so weakens the tag)
    does not change."""
    current = etag(obj)
    for tag in (part.strip() for part in if_match.split(",")):
        if tag == "*" or tag.removeprefix("W/") == current:
            return True
    return False


def lock_all(model, pks) -> dict:
    """The records with these keys, read again with their rows locked, by key. Locked
    in key order, so two imports locking overlapping rows cannot deadlock."""
    found = {}
    pks = sorted(pks)
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        rows = (
            model._base_manager.select_for_update(of=("self",)).filter(pk__in=chunk).order_by("pk")
        )
        found.update((row.pk, row) for row in rows)
    return found


@dataclass
class Change:
    """One field the other person changed: its label, what is stored now and what this
    person typed, each as the user reads it."""

    name: str
    label: str
    theirs: str
    yours: str
    anchor: str = ""


@dataclass
class Conflict(Exception):
    """Someone saved the record after this person opened it, and saving now would undo
    their change to `changes`. `token` is the version to send to overwrite deliberately."""

    changes: list[Change] = field(default_factory=list)
    token: str = ""
    by: str = ""
    at: dt.datetime | None = None

    def message(self) -> str:
        # The name is isolated (FSI … PDI): a Latin name keeps its place in a Persian
        # sentence and a Persian one in a Danish sentence.
        if self.by and self.at:
            return _(
                "%(user)s saved this record (%(time)s) after you opened it. Nothing of "
                "yours is saved yet: compare the values below, correct the form and save "
                "again to keep yours."
            ) % {"user": f"\u2068{self.by}\u2069", "time": display(self.at)}
        return _(
            "Someone saved this record after you opened it. Nothing of yours is saved "
            "yet: compare the values below, correct the form and save again to keep yours."
        )


def _typed_value(form, name: str, field: models.Field):
    if field.many_to_many:
        return sorted(obj.pk for obj in form.cleaned_data.get(name) or [])
    return getattr(form.instance, field.attname)


def _text(value, field: models.Field) -> str:
    if isinstance(value, models.QuerySet | list | tuple):
        return ", ".join(str(item) for item in value) or display(None)
    if isinstance(value, models.fields.files.FieldFile) and not value:
        return display(None)
    return display(value, field)


def submitted_token(form, data) -> str:
    """The version token sent with `form` (a prefixed form carries its own)."""
    return data.get(form.add_prefix(FIELD), "")


def check_form(form, token: str | None, stored: models.Model) -> None:
    """Raise `Conflict` when saving the valid `form` would undo a change someone made
    after the page was opened: a field whose stored value differs from the token's and
    from what was typed. `stored` is the record as locked now, before the form changed
    it. Without a token (a client that is not our page) nothing is checked."""
    if not token:
        return
    model = form._meta.model
    given = _parse(token)
    names = form_fields(form)
    changes = []
    for name in names:
        field = _model_field(model, name)
        now = stored_value(stored, field)
        if name not in given or given[name] == _digest(now):
            continue
        if _digest(_typed_value(form, name, field)) == _digest(now):
            continue  # both typed the same: nothing is undone
        label = capfirst(form.fields[name].label or field.verbose_name)
        theirs = getattr(stored, name) if not field.many_to_many else getattr(stored, name).all()
        typed = form.cleaned_data.get(name)
        anchor = form[name].id_for_label or ""
        changes.append(Change(name, str(label), _text(theirs, field), _text(typed, field), anchor))
    if changes:
        by, at = last_change(stored)
        raise Conflict(changes, page_token(stored, names), by, at)


def last_change(obj: models.Model) -> tuple[str, dt.datetime | None]:
    """Who saved the record last and when, from its history ("", None without)."""
    history = getattr(type(obj), "history", None)
    if history is None:
        return "", None
    row = history.filter(id=obj.pk).select_related("history_user").order_by("-history_id").first()
    if row is None:
        return "", None
    user = row.history_user
    name = (user.get_full_name() or user.get_username()) if user else ""
    return name, row.history_date


def lock_in_place(obj: models.Model) -> None:
    """Lock `obj`'s row until the transaction ends and read its stored values again
    (keeping what the queryset that found it added, such as annotations)."""
    list(
        type(obj)._base_manager.select_for_update(of=("self",)).filter(pk=obj.pk).values_list("pk")
    )
    obj.refresh_from_db()
