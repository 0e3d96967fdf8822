"""Related lists are declared on registers and rendered by core (zist.core.related):
no detail template renders a related queryset itself, where it would escape the
restriction. The permission matrix checks what the declared lists show."""

import inspect
import re
from pathlib import Path

from django.db import models
from django.template.loader import get_template

from zist.core.registry import registers

# `object.a.b…` in a template: each step is followed from the register's model.
CHAIN = re.compile(r"\bobject((?:\.\w+)+)")


def _related_managers(model: type[models.Model]) -> set[str]:
    """Attribute names that give a related manager (reverse relations, many-to-many)."""
    names = set()
    for field in model._meta.get_fields():
        if field.one_to_many or field.many_to_many:
            names.add(field.get_accessor_name() if field.auto_created else field.name)
    return names


def _queryset_methods(model: type[models.Model]) -> set[str]:
    """The model's own methods without arguments that answer with a queryset of
    related records (found by calling them on an unsaved instance, where they return
    an empty one without reading the database)."""
    names = set()
    instance = model()
    for name, function in vars(model).items():
        if name.startswith("_") or not inspect.isfunction(function):
            continue
        if len(inspect.signature(function).parameters) != 1:
            continue
        try:
            value = function(instance)
        except Exception:
            continue
        if isinstance(value, models.QuerySet):
            names.add(name)
    return names


def offences(model: type[models.Model], source: str) -> list[str]:
    """What in a detail template's `source` renders a related queryset of `model`."""
    found = []
    if re.search(r"\.all\b", source):
        found.append(".all")
    found += re.findall(r"\.\w+_set\b(?!_)", source)
    for match in CHAIN.finditer(source):
        current = model
        for step in match.group(1).strip(".").split("."):
            if step in _related_managers(current) or step in _queryset_methods(current):
                found.append(f"object{match.group(1)}")
                break
            try:
                field = current._meta.get_field(step)
            except Exception:
                break
            if not (field.many_to_one or field.one_to_one) or field.related_model is None:
                break
            current = field.related_model
    return found


def test_it_finds_a_related_queryset_rendered_by_a_template():
    from zist.aspects.models import Activity, CriteriaSet
    from zist.reviews.models import ManagementReview

    assert offences(Activity, "{% for a in object.aspects.all %}")
    assert offences(CriteriaSet, "{% visible object.criteria as c %}")
    assert offences(ManagementReview, "{% for a in object.actions %}")
    assert offences(ManagementReview, "{% for p in object.unit.members %}")
    assert offences(Activity, "{% for r in object.record_set %}")
    assert not offences(Activity, "{{ object.unit.name }} {{ object.code }}")
    assert not offences(CriteriaSet, "?criteria_set={{ object.pk }}")


def test_it_renders_no_related_queryset_in_a_detail_template():
    found = {}
    for reg in registers():
        if reg.detail_template:
            source = Path(get_template(reg.detail_template).origin.name).read_text()
            if bad := offences(reg.model, source):
                found[reg.detail_template] = bad
    assert not found, (
        f"detail templates rendering related querysets (declare Register.related instead): {found}"
    )


def test_it_declares_lists_whose_relations_exist():
    for reg in registers():
        for related in reg.related:
            model = related.related_model(reg.model)
            assert hasattr(model.objects, "restrict"), f"{reg.label()}: {related.name}"
            related.lookup(reg.model)  # raises for a relation the model does not have
