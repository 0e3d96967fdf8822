"""Changes to the unit tree. Forms and the API call these, never treebeard directly, so
that the denormalised parent and the history stay right."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from zist.organisations.models import Organisation, Unit, UnitKind


def create_organisation(**fields) -> Organisation:
    """An organisation with its root unit (the whole organisation), named alike."""
    with transaction.atomic():
        organisation = Organisation.objects.create(**fields)
        add_root_unit(organisation)
    return organisation


def add_root_unit(organisation: Organisation) -> Unit:
    """The root unit of a new organisation (the whole organisation), named alike."""
    return Unit.objects.add_root(
        {
            "organisation": organisation,
            "name": organisation.name,
            "code": "root",
            "kind": UnitKind.ORGANISATION,
        }
    )


def create_unit(parent: Unit, instance: Unit | None = None, **fields) -> Unit:
    """A new unit under `parent`: from `fields`, or the unsaved `instance` a form or
    the API filled."""
    if parent.archived:
        raise ValidationError(_("Units cannot be added under an archived unit."))
    unit = instance if instance is not None else Unit(**fields)
    unit.organisation, unit.parent = parent.organisation, parent
    return Unit.objects.add_child(parent, instance=unit)


def move_unit(unit: Unit, new_parent: Unit) -> Unit:
    """Move `unit` and its subtree under `new_parent` in the same organisation."""
    if new_parent.organisation_id != unit.organisation_id:
        raise ValidationError(_("A unit can only move within its organisation."))
    if new_parent.pk == unit.pk or new_parent.path.startswith(unit.path):
        raise ValidationError(_("A unit cannot move under itself or its own subunits."))
    if unit.depth == 1:
        raise ValidationError(_("The organisation's root unit cannot be moved."))
    with transaction.atomic():
        Unit.objects.move(unit, new_parent, pos="last-child")
        unit.refresh_from_db()
        unit.parent = new_parent
        unit.save()
    return unit


def archive_unit(unit: Unit, archived: bool = True) -> int:
    """Archive (or restore) a unit and its whole subtree; no data is deleted.

    Returns how many units changed. Each saves separately so each has its history.
    """
    changed = 0
    with transaction.atomic():
        for node in Unit.objects.get_tree(unit):
            if node.archived != archived:
                node.archived = archived
                node.save()
                changed += 1
    return changed


def delete_unit(unit: Unit) -> None:
    """Delete an empty leaf unit. Units with subunits or data are archived instead."""
    if unit.depth == 1:
        raise ValidationError(_("The organisation's root unit cannot be deleted."))
    if Unit.objects.get_children_count(unit):
        raise ValidationError(_("This unit has subunits: archive it instead of deleting it."))
    unit.delete()
