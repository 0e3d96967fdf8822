"""Keeping the built-in requirement libraries and their mappings in step with the
data files, and reading mappings."""

import yaml
from django.db import transaction

from zist.clauses import builtin, libfile
from zist.clauses.models import Library, Mapping


def sync_builtin_libraries(using: str = "default") -> int:
    """Create or update the built-in libraries and their requirements from the shipped
    files, and replace the mappings; returns how many requirements were created.
    Requirements that left the files are kept (audits refer to them)."""
    created = 0
    with transaction.atomic(using=using):
        for path in builtin.library_files():
            spec = libfile.read(path.read_text(encoding="utf-8"))
            _library, count = libfile.load(spec, builtin=True)
            created += count
        pairs = mapping_pairs()
        if set(Mapping.objects.values_list("source", "target")) != pairs:
            Mapping.objects.all().delete()
            Mapping.objects.bulk_create(Mapping(source=s, target=t) for s, t in sorted(pairs))
    return created


def mapping_pairs() -> set[tuple[str, str]]:
    """The shipped mappings as (source URN, target URN) pairs."""
    spec = yaml.load(builtin.MAPPINGS.read_text(encoding="utf-8"), Loader=libfile.SAFE_LOADER)  # noqa: S506
    return {(pair[0], pair[1]) for pair in spec["mappings"]}


def mapped_urns(urns) -> dict[str, set[str]]:
    """For each URN, the URNs mapped to it (either way)."""
    urns = set(urns)
    result: dict[str, set[str]] = {urn: set() for urn in urns}
    for source, target in Mapping.objects.filter(source__in=urns).values_list("source", "target"):
        result[source].add(target)
    for source, target in Mapping.objects.filter(target__in=urns).values_list("source", "target"):
        result[target].add(source)
    return result


def iso14001():
    """The built-in ISO 14001:2015 library (its newest version)."""
    return (
        Library.objects.filter(code=builtin.ISO14001["code"], builtin=True).order_by("-pk").first()
    )
