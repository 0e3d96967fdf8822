"""The registers that grow with use (thousands of records a year in a city) list in an
order an index gives, so a page of an administrator's list is read from the index
instead of sorting the whole table (issue 18; decision 0029). Not yet: readings and
indicator values, which list by their meter or indicator (the related model's order,
a join) and then newest first."""

import pytest

from zist.core.registry import get_register

GROWING = (
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
)


def _columns(names) -> list[str]:
    return [name.replace("pk", "id") if name.lstrip("-") == "pk" else name for name in names]


@pytest.mark.parametrize("label", GROWING)
def test_the_default_order_of_a_growing_register_is_an_index(label):
    model = get_register(label).model
    order = _columns(model._meta.ordering)
    indexed = [_columns(index.fields) for index in model._meta.indexes]
    # The order's columns, or all but a last tie-break by id, lead an index.
    assert any(
        fields[: len(order)] == order or (order[-1].lstrip("-") == "id" and fields == order[:-1])
        for fields in indexed
    ), f"{label} lists by {order}; its indexes: {indexed}"
