"""Registers: the declaration that turns a model into a register of Zist.

A register names its model, form, filterset, table and (where the API differs from the
form) serializer; from that Zist builds the list/detail/add/edit/delete/history pages,
the export, the API endpoint, the menu entry and the generic permission tests. Pages,
the API and imports save through one function, `save_record` (decision 0019). See
docs/adding-a-register.md.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import models, transaction
from django.db.models import ProtectedError, RestrictedError
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from zist.core import calendars
from zist.core.models import DeleteRefused
from zist.core.related import Related

__all__ = [
    "DeleteRefused",
    "Register",
    "delete_record",
    "register",
    "save_form",
    "save_record",
]

_registry: dict[str, type[Register]] = {}
# Related lists shown on every register's detail page, added by the apps that own them
# (evidence files): core names no such app.
_every_detail_page: list[Related] = []


class Register:
    """Subclass and decorate with `@register`. Override `write`/`saved`/`delete` where
    a model needs more than a plain save (derived fields that need the person or the
    stored record, a service, consequences for other records); see `save_record`."""

    model: type[models.Model]
    form: type
    filterset: type
    table: type
    # The API's serializer; None: the form's model fields with id, display and the
    # timestamps (zist.core.api.serializer_for). Declare one only where the API differs.
    serializer: type | None = None
    menu_group: str = "organisation"
    # Fields shown on the detail page; default: the form's fields.
    detail_fields: list[str] | None = None
    # Labels of detail fields that are no model fields (properties, generic links);
    # without one, the table's column header is used.
    labels: dict[str, str] = {}
    # Lists of related records on the detail page, restricted and rendered by core
    # (zist.core.related.Related): never render a related queryset in a template.
    related: list[Related] = []
    # Extra template included on the detail page for what is not a list (action
    # buttons, charts, diagrams, notices).
    detail_template: str | None = None
    slug: str | None = None
    # Records that grow with use (thousands a year in a city): the list's default order
    # leads one of the model's indexes (core/tests/test_list_order.py) and each column
    # the list sorts by gets its own (zist.core.list_indexes, decision 0032).
    grows: bool = False

    @classmethod
    def label(cls) -> str:
        return cls.model._meta.label_lower

    @classmethod
    def url_slug(cls) -> str:
        return cls.slug or f"{cls.model._meta.model_name}s"

    @classmethod
    def url_name(cls, action: str) -> str:
        meta = cls.model._meta
        return f"{meta.app_label}:{meta.model_name}_{action}"

    @classmethod
    def verbose_name_plural(cls) -> str:
        return capfirst(cls.model._meta.verbose_name_plural)

    @classmethod
    def detail_related(cls) -> list[Related]:
        """The register's related lists, then those every detail page shows."""
        return [*cls.related, *_every_detail_page]

    @classmethod
    def field_label(cls, name: str, field=None) -> str:
        """What a person reads for a detail field: the model field's verbose name, the
        register's label or the table's header; never the attribute's own name."""
        label = cls.labels.get(name) or getattr(field, "verbose_name", None)
        for column in getattr(cls.table, "columns", []):
            if label is None and getattr(column, "accessor", None) == name:
                label = column.verbose_name
        if label is None:
            raise ImproperlyConfigured(f"{cls.label()}: give `{name}` a label in `labels`")
        return label

    @classmethod
    def get_detail_fields(cls) -> list[str]:
        return cls.detail_fields or list(cls.form._meta.fields)

    @classmethod
    def write(cls, obj, before, request, many: dict):
        """Write the record once, whatever the door (page, API, import): `obj` holds the
        new values, unsaved; `before` is the record as stored before this save (None
        when new); `many` the to-many values the door sets right after. Override to set
        fields derived from the person or the stored record before calling super (the
        record is then written once: one history row), or to create through a service
        (a tree node). Derived fields that need only the record itself belong in the
        model's `save` (decision 0019)."""
        obj.save()
        return obj

    @classmethod
    def saved(cls, obj, before, request):
        """What follows from a record once written (and its to-many values set), inside
        the same transaction, for every door: a checklist generated, risks re-rated,
        readings recomputed from the earlier of the old and new time. `before` is the
        record as it was stored (None when new). Raise ValidationError (or
        PermissionDenied) to refuse: the whole save is rolled back. Returns the record."""
        return obj

    # Fields that name a record in a spreadsheet ("unit", "code"): importing the same
    # file twice then updates the records the first import made instead of copying them.
    # A text field written "code__iexact" matches ignoring case (people retype codes).
    natural_key: tuple[str, ...] = ()

    @classmethod
    def find_existing(cls, data: dict, user):
        """The record an imported row updates, or None to create one: by default the
        record the user may change whose `natural_key` fields equal the row's (text
        without surrounding spaces, dates read in the user's calendar as the form reads
        them). A row missing a key field, or naming it unreadably (a unit that is not a
        number), matches nothing: the row's form then says what is wrong."""
        if not cls.natural_key:
            return None
        lookup = {}
        try:
            for entry in cls.natural_key:
                name = entry.split("__")[0]
                value = data.get(name)
                if isinstance(value, str):
                    value = value.strip()
                if value in (None, ""):
                    return None
                if isinstance(value, str) and _is_date(cls.model._meta.get_field(name)):
                    value = calendars.parse_date(value)
                lookup[entry] = value
            return cls.model.objects.restrict(user, "change").filter(**lookup).first()
        except (ValueError, TypeError, ValidationError):
            return None

    @classmethod
    def delete(cls, obj, request) -> None:
        """Delete a record; raise DeleteRefused (with a translated message) when a rule
        forbids it. Pages and the API both call this through `delete_record`."""
        obj.delete()

    @classmethod
    def urlpatterns(cls) -> list:
        from zist.core import views

        slug = cls.url_slug()
        name = cls.model._meta.model_name
        kwargs = {"register": cls}
        return [
            path(f"{slug}/", views.ObjectListView.as_view(**kwargs), name=f"{name}_list"),
            path(f"{slug}/add/", views.ObjectEditView.as_view(**kwargs), name=f"{name}_add"),
            path(
                f"{slug}/import/", views.ObjectImportView.as_view(**kwargs), name=f"{name}_import"
            ),
            path(
                f"{slug}/<int:pk>/", views.ObjectDetailView.as_view(**kwargs), name=f"{name}_detail"
            ),
            path(
                f"{slug}/<int:pk>/edit/",
                views.ObjectEditView.as_view(**kwargs),
                name=f"{name}_edit",
            ),
            path(
                f"{slug}/<int:pk>/delete/",
                views.ObjectDeleteView.as_view(**kwargs),
                name=f"{name}_delete",
            ),
            path(
                f"{slug}/<int:pk>/history/",
                views.ObjectHistoryView.as_view(**kwargs),
                name=f"{name}_history",
            ),
        ]


def save_record(register: type[Register], obj, request, many: dict | None = None):
    """The one path by which pages, the API and imports save a record (the caller holds
    the transaction and checks the scope afterwards): the record as stored is read
    before anything is written, then the register's `write`, the to-many values and the
    register's `saved`. Each door only turns its input into `obj` (unsaved, new values
    set) and `many`: a form's `save(commit=False)`, a serializer's `unsaved()`."""
    many = many or {}
    before = register.model._base_manager.filter(pk=obj.pk).first() if obj.pk else None
    obj = register.write(obj, before, request, many)
    for name, values in many.items():
        getattr(obj, name).set(values)
    return register.saved(obj, before, request)


def form_many(form) -> dict:
    """The to-many values a valid model form sets after its record is written (what
    Django's `save_m2m` would set)."""
    opts = form.instance._meta
    return {
        field.name: form.cleaned_data[field.name]
        for field in opts.many_to_many
        if field.name in form.fields and field.name in form.cleaned_data
    }


def save_form(register: type[Register], form, request):
    """Save a valid model form through `save_record` (pages and imports)."""
    return save_record(register, form.save(commit=False), request, form_many(form))


def delete_record(register: type[Register], obj, request) -> None:
    """The one path by which pages and the API delete a record: the register's delete in
    a transaction; a record still used by others (protected or restricted relations) is
    refused like a register's own rule, with DeleteRefused naming what uses it."""
    try:
        with transaction.atomic():
            register.delete(obj, request)
    except (ProtectedError, RestrictedError) as exc:
        users = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        used_by = sorted({str(o._meta.verbose_name_plural) for o in users})
        raise DeleteRefused(
            _("%(object)s cannot be deleted: it is still used by %(used_by)s.")
            % {"object": obj, "used_by": ", ".join(used_by)}
        ) from None


def _is_date(field) -> bool:
    return isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)


def register(cls: type[Register]) -> type[Register]:
    label = cls.label()
    if label in _registry and _registry[label] is not cls:
        raise ValueError(f"{label} is registered twice")
    if cls.serializer is None:
        from zist.core.api import serializer_for  # api builds on this module

        cls.serializer = serializer_for(cls.model, cls.form)
    _registry[label] = cls
    return cls


def add_to_every_detail_page(related: Related) -> None:
    """Show `related` on the detail page of every register (called from an app's
    `ready()`, e.g. the evidence files of zist.attachments)."""
    if related not in _every_detail_page:
        _every_detail_page.append(related)


def registers() -> list[type[Register]]:
    return list(_registry.values())


def get_register(model_or_label) -> type[Register] | None:
    label = model_or_label if isinstance(model_or_label, str) else model_or_label._meta.label_lower
    return _registry.get(label)


def app_urlpatterns(app_label: str) -> list:
    """URL patterns of every register of one app, for the app's urls.py."""
    patterns = []
    for reg in _registry.values():
        if reg.model._meta.app_label == app_label:
            patterns += reg.urlpatterns()
    return patterns
