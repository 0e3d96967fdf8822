"""Related lists on detail pages: declared by a register, restricted and rendered by core.

A register names the lists its detail page shows (`Register.related`); core reads each
through `restrict(user, "view")` of the related model, so a record the user may not see
is never listed, counted or linked, whatever the page (as NetBox's detail views read
related objects through `.restrict(request.user, "view")`). A list shows its count, its
first rows in the related register's table, a link to the related register's list
filtered on this record ("all N") and an "add" link when the user may add there.

    related = [
        Related("aspects", columns=("name", "condition", "score"), add=True),
        Related(model="actions.Action", generic="source", label=_("Treatment actions")),
    ]
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.text import capfirst


class Related:
    """One related list on a detail page.

    name: a relation of the record's model (a reverse foreign key such as "aspects",
        a many-to-many field or its reverse); or, with `generic`, a name for the list.
    model, generic: a related model ("actions.Action") pointing at the record through
        one of its generic foreign keys ("source").
    model, query: a related model and a function of the record giving its related
        records when no single field links them (a unit's subunits).
    label: the heading; default: the related model's plural name.
    columns: columns of the related register's table to show; default: its own columns
        without the one pointing back at this record.
    narrow: a function of the related queryset (e.g. `lambda qs: qs.open()`) when the
        page lists only some of the related records; `all_query` then holds the list
        filters that select the same ones ({"open": "true"}).
    add: show "add" (the related register's add page, this record filled in) to users
        who may add there; `add_with` names fields of this record passed along too
        ("unit").
    limit: rows shown; the "all N" link opens the rest in the related register's list.
    when: a function of the record saying whether its page shows the list at all (the
        nonconformities of a failing evaluation only).
    """

    template = "core/related_list.html"

    def __init__(
        self,
        name: str = "",
        *,
        model: str | type[models.Model] | None = None,
        generic: str = "",
        query: Callable[[models.Model], models.QuerySet] | None = None,
        label=None,
        columns: tuple | list | None = None,
        narrow: Callable[[models.QuerySet], models.QuerySet] | None = None,
        all_query: dict | None = None,
        add: bool = False,
        add_with: tuple[str, ...] = (),
        limit: int = 10,
        when: Callable[[models.Model], bool] | None = None,
    ) -> None:
        self.name = name or generic
        self.query = query
        self.all_query = all_query or {}
        self._model = model
        self.generic = generic
        self.label = label
        self.columns = columns
        self.narrow = narrow
        self.add = add
        self.add_with = add_with
        self.limit = limit
        self.when = when

    # -- what the list is made of ---------------------------------------------------

    def related_model(self, parent: type[models.Model]) -> type[models.Model]:
        if self._model is not None:
            return apps.get_model(self._model) if isinstance(self._model, str) else self._model
        return parent._meta.get_field(self.name).related_model

    def lookup(self, parent: type[models.Model]) -> str:
        """The related model's field (or query name) that points at the record ("" when
        none does)."""
        if self.generic or self.query:
            return ""
        field = parent._meta.get_field(self.name)
        if field.auto_created and not field.concrete:  # a reverse relation
            return field.field.name
        return field.related_query_name()  # a many-to-many field of the record's model

    def _generic_fields(self, model) -> tuple[str, str]:
        field = model._meta.get_field(self.generic)
        assert isinstance(field, GenericForeignKey), f"{self.generic} is not generic"
        return field.ct_field, field.fk_field

    def queryset(self, obj) -> models.QuerySet:
        """Every related record of `obj`, unrestricted (core restricts it)."""
        model = self.related_model(type(obj))
        if self.query:
            queryset = model.objects.filter(pk__in=self.query(obj).values("pk"))
        elif self.generic:
            ct_field, fk_field = self._generic_fields(model)
            content_type = ContentType.objects.get_for_model(obj)
            queryset = model.objects.filter(**{ct_field: content_type, fk_field: obj.pk})
        else:
            queryset = model.objects.filter(**{self.lookup(type(obj)): obj})
        return self.narrow(queryset) if self.narrow else queryset

    def link(self, obj, child) -> bool:
        """Make `child` a related record of `obj` (for tests that place a record out of
        the user's scope in a list; pages never call this). Returns False when the
        declaration cannot say how (a `query`)."""
        model = type(child)
        if self.query:
            return False
        if self.generic:
            ct_field, fk_field = self._generic_fields(model)
            values = {
                f"{ct_field}_id": ContentType.objects.get_for_model(obj).pk,
                fk_field: obj.pk,
            }
            model._base_manager.filter(pk=child.pk).update(**values)
            return True
        field = type(obj)._meta.get_field(self.name)
        if field.many_to_many:
            getattr(obj, self.name).add(child)
        else:
            model._base_manager.filter(pk=child.pk).update(**{field.field.attname: obj.pk})
        return True

    # -- what the page shows --------------------------------------------------------

    def panel(self, obj, user) -> dict | None:
        """The context of one list on `obj`'s page as `user` may see it (None: the
        page does not show it)."""
        from zist.core.registry import get_register
        from zist.core.views import can

        if self.when is not None and not self.when(obj):
            return None
        parent = type(obj)
        model = self.related_model(parent)
        reg = get_register(model)
        visible = self.queryset(obj).restrict(user, "view")
        count = visible.count()
        lookup = self.lookup(parent)
        columns = self.columns or [
            c
            for c in reg.table.columns
            if not lookup or getattr(c, "accessor", c).split("__")[0] != lookup
        ]
        table = reg.table(visible, columns=columns)
        shown = list(table.queryset[: self.limit])
        all_url = ""
        if lookup and lookup in reg.filterset.base_filters:
            query = {lookup: obj.pk, **self.all_query}
            all_url = f"{reverse(reg.url_name('list'))}?{urlencode(query)}"
        add_url = ""
        if self.add and can(user, model, "add"):
            query = {lookup: obj.pk} if lookup else {}
            for name in self.add_with:
                query[name] = getattr(obj, f"{name}_id", None) or getattr(obj, name)
            add_url = f"{reverse(reg.url_name('add'))}?{urlencode(query)}"
        return {
            "template": self.template,
            "id": f"related-{self.name}",
            "label": self.label or capfirst(model._meta.verbose_name_plural),
            "count": count,
            "more": count - len(shown),
            "headers": table.headers(),
            "rows": table.rows(shown, user),
            "all_url": all_url,
            "add_url": add_url,
            "add_label": model._meta.verbose_name,
        }
