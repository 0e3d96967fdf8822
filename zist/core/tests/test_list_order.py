"""The registers that grow with use (thousands of records a year in a city) list in an
order an index gives, so a page of an administrator's list is read from the index
instead of sorting the whole table (issue 18; decision 0029). Readings are not here: they
list by meter (the related model's order, by unit path and code) and then newest first,
which PostgreSQL reads by walking the unit, meter and reading indexes in turn (0.5–1 ms
for a page of 1 000 000 readings, administrator or one site's person alike). Indicator
values list the same way (by indicator and unit) and have not been measured."""

import pytest

from zist.core.registry import get_register, registers

GROWING = sorted(register.label() for register in registers() if register.grows)


def test_the_registers_that_grow_are_declared():
    # The registers that grow by thousands a year in a city; a register added to the
    # product that grows like them is declared with `grows = True`.
    assert {
        "actions.action",
        "communication.communication",
        "communication.event",
        "communication.inquiry",
        "documents.document",
        "improvement.idea",
        "nonconformities.nonconformity",
        "obligations.complianceevaluation",
        "records.record",
        "training.certificate",
        "training.evidence",
    } <= set(GROWING)


def _columns(names) -> list[str]:
    return [name.replace("pk", "id") if name.lstrip("-") == "pk" else name for name in names]


def _flipped(columns: list[str]) -> list[str]:
    return [c[1:] if c.startswith("-") else f"-{c}" for c in columns]


def _list_order(label: str) -> list[str]:
    """The order of the register's list page when the person chose none."""
    register = get_register(label)
    ordering = register.table.default_ordering or register.model._meta.ordering
    return _columns([ordering] if isinstance(ordering, str) else ordering)


@pytest.mark.parametrize("label", GROWING)
def test_the_default_order_of_a_growing_register_is_an_index(label):
    model = get_register(label).model
    order = _list_order(label)
    indexed = [_columns(index.fields) for index in model._meta.indexes]
    # The order's columns lead an index, read forwards or backwards (both databases
    # read an index backwards), or all of them but a last tie-break by id.
    readable = [order, _flipped(order)]
    if order[-1].lstrip("-") == "id":
        readable += [order[:-1], _flipped(order[:-1])]
    assert any(fields[: len(way)] == way for fields in indexed for way in readable), (
        f"{label} lists by {order}; its indexes: {indexed}"
    )
