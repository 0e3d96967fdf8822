"""Award schemes from data files (data/<code>.yaml), checked before anything is saved:
every criterion through `full_clean`, the points of each level of the tree adding up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from zist.awards.models import Criterion, Scheme
from zist.awards.services import check_tree

DATA = Path(__file__).parent / "data"
SHIPPED = ("excellence", "energy")


@transaction.atomic
def load_scheme(code: str, unit) -> tuple[Scheme, bool]:
    """The scheme `code` of the body `unit`, created from its data file if missing."""
    found = Scheme.objects.filter(unit=unit, code=code).first()
    if found:
        return found, False
    spec = yaml.safe_load((DATA / f"{code}.yaml").read_text(encoding="utf-8"))
    scheme = Scheme(
        unit=unit,
        code=spec["code"],
        name=spec["name"],
        total_points=spec["total_points"],
        levels=spec["levels"],
    )
    scheme.full_clean()
    scheme.save()
    order = 0
    for item in spec["criteria"]:
        order = _criterion(scheme, None, item, order)
    if problems := check_tree(scheme):
        raise ValidationError(problems)
    return scheme, True


def _criterion(scheme, parent, item: dict, order: int) -> int:
    order += 1
    criterion = Criterion(
        scheme=scheme,
        parent=parent,
        code=item["code"],
        name=item["name"],
        kind=item["kind"],
        points=Decimal(str(item["points"])),
        kpi_code=item.get("kpi_code", ""),
        rule=item.get("rule", {}),
        order=order,
    )
    criterion.full_clean()
    criterion.save()
    for child in item.get("children", []):
        order = _criterion(scheme, criterion, child, order)
    return order
