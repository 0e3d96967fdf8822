"""Natural keys for re-imports: a row whose unit and key field match an existing record
updates it instead of creating a twin (used by the registers of documents, records,
training, communication and suppliers)."""

from __future__ import annotations


def find_by_unit(model, data: dict, user, key: str, unit_field: str = "unit"):
    """The record of `model` on the row's unit whose `key` equals the row's (ignoring
    case), among those `user` may change; None when the row has no unit or key."""
    unit, value = str(data.get(unit_field) or ""), str(data.get(key) or "").strip()
    if not (unit.isdigit() and value):
        return None
    return (
        model.objects.restrict(user, "change")
        .filter(**{f"{unit_field}_id": int(unit), f"{key}__iexact": value})
        .first()
    )
