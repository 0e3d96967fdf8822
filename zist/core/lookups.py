"""Typed look-ups: a choice of records that grows with the data (meters, units, people)
is typed, never offered as thousands of `<option>`s.

Every model choice field of a Zist form or filter form gets a `LookupSelect` (or
`LookupSelectMultiple`) widget. When the field offers at most `ZIST_LOOKUP_ABOVE`
records it renders the plain select, from the same single query; above, a text input
whose matches are fetched as the person types from one endpoint (`lookup`). The
endpoint builds the same form for the same person and searches the field's own
queryset, so nobody finds by typing what they could not choose.

Without JavaScript the field still works: the text typed is resolved on the server (a
record whose name is that text, or the only one that matches it); chosen records of a
multiple choice are checkboxes that can be unticked (decision 0028).
"""

from __future__ import annotations

import copy
import inspect

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db.models import Q
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from zist.core import calendars
from zist.core.registry import get_register

TEXT_SUFFIX = "_text"
SALT = "zist.core.lookups"
RESULTS = 20
# Names of fields a record is usually known by, searched when its register names none.
NAME_FIELDS = ("code", "name", "title", "username", "first_name", "last_name", "email")

INVALID_CHOICE = _(
    "“%(value)s” is not one of the choices, or matches more than one: type more of "
    "its name and pick it from the list."
)


def search_fields(model) -> tuple[str, ...]:
    """The fields a record of `model` is found by: the model's `lookup_fields`, else
    its register's search fields, else the usual name fields it has."""
    declared = getattr(model, "lookup_fields", None)
    if declared:
        return tuple(declared)
    register = get_register(model)
    found = getattr(getattr(register, "filterset", None), "search_fields", ())
    if found:
        return tuple(found)
    names = {f.name for f in model._meta.get_fields()}
    return tuple(name for name in NAME_FIELDS if name in names)


def search(queryset, text: str):
    """Records of `queryset` with every word of `text` in one of their search fields;
    digits match in any script (a Persian ۳ finds "District 3" and "ناحیه ۳")."""
    fields = search_fields(queryset.model)
    for word in text.split():
        variants = {word, calendars.to_latin_digits(word), calendars.to_persian_digits(word)}
        query = Q()
        for field in fields:
            for variant in variants:
                query |= Q(**{f"{field}__icontains": variant})
        queryset = queryset.filter(query)
    return queryset


def _same(a: str, b: str) -> bool:
    return calendars.to_latin_digits(a).strip().casefold() == (
        calendars.to_latin_digits(b).strip().casefold()
    )


def resolve(field: forms.ModelChoiceField, text: str):
    """The record the person meant by `text`: the only one labelled so, else the only
    one matching it; None when none or several do."""
    matches = list(search(field.queryset, text)[:50])
    named = [obj for obj in matches if _same(field.label_from_instance(obj), text)]
    if len(named) == 1:
        return named[0]
    return matches[0] if len(matches) == 1 else None


class LookupMixin:
    """Renders a plain select while the choices are few, a typed look-up above."""

    lookup_url = ""
    multiple = False

    def _iterator(self):
        choices = self.choices
        return choices if isinstance(choices, forms.models.ModelChoiceIterator) else None

    def render(self, name, value, attrs=None, renderer=None):
        iterator = self._iterator()
        if iterator is None or not self.lookup_url:
            return super().render(name, value, attrs, renderer)
        limit = settings.ZIST_LOOKUP_ABOVE
        rows = list(iterator.queryset[: limit + 1])
        if len(rows) <= limit:
            # The select, from the rows just read (no second query).
            small = copy.copy(self)
            empty = iterator.field.empty_label
            small.choices = [("", empty)] if empty is not None else []
            small.choices += [iterator.choice(obj) for obj in rows]
            return super(LookupMixin, small).render(name, value, attrs, renderer)
        return self.render_lookup(name, value, self.build_attrs(self.attrs, attrs), iterator)

    def render_lookup(self, name, value, attrs, iterator):
        field = iterator.field
        values = value if isinstance(value, list | tuple) else [value]
        values = [str(v) for v in values if v not in (None, "")]
        ids = [v for v in values if v.isdigit()]
        chosen = list(field.queryset.filter(pk__in=ids)) if ids else []
        typed = next((v for v in values if not v.isdigit()), "")
        input_id = attrs.get("id") or f"id_{name}"
        listbox = f"{input_id}_listbox"
        if self.multiple:
            kept = format_html_join(
                "",
                '<label class="lookup-chip"><input type="checkbox" name="{}" value="{}" '
                "checked> {}</label>",
                ((name, obj.pk, field.label_from_instance(obj)) for obj in chosen),
            )
            kept = format_html('<span class="lookup-chosen">{}</span>', kept)
            shown = typed
        else:
            obj = chosen[0] if chosen else None
            kept = (
                format_html('<input type="hidden" name="{}" value="{}">', name, obj.pk)
                if obj
                else format_html('<input type="hidden" name="{}" value="">', name)
            )
            shown = field.label_from_instance(obj) if obj else typed
        extra = {
            k: v for k, v in attrs.items() if k in ("required", "disabled", "aria-describedby")
        }
        return format_html(
            '<span class="lookup" data-lookup="{url}"{multiple} data-name="{name}" '
            'data-none="{none}" data-found="{found}">{kept}'
            '<input type="text" id="{id}" name="{text_name}" value="{shown}" '
            'role="combobox" aria-autocomplete="list" aria-expanded="false" '
            'aria-controls="{listbox}" autocomplete="off" dir="auto" '
            'placeholder="{hint}"{extra}>'
            '<ul class="lookup-list" role="listbox" id="{listbox}" hidden></ul>'
            '<span class="lookup-status visually-hidden" role="status"></span></span>',
            url=self.lookup_url,
            multiple=format_html(" data-multiple") if self.multiple else "",
            name=name,
            none=_("No matches"),
            found=_("Matches: %(count)s"),
            kept=kept,
            id=input_id,
            text_name=f"{name}{TEXT_SUFFIX}",
            shown=shown,
            listbox=listbox,
            hint=_("Type to search"),
            extra=format_html_join("", ' {}="{}"', extra.items()),
        )

    def _resolved(self, text: str):
        iterator = self._iterator()
        if iterator is None:
            return None
        found = resolve(iterator.field, text)
        return None if found is None else str(found.pk)


class LookupSelect(LookupMixin, forms.Select):
    def value_from_datadict(self, data, files, name):
        key = f"{name}{TEXT_SUFFIX}"
        if key not in data:  # a plain select, an API client, an address with ?unit=5
            return super().value_from_datadict(data, files, name)
        text = data.get(key, "").strip()
        if not text:
            return ""
        pk = str(data.get(name, "")).strip()
        iterator = self._iterator()
        if pk.isdigit() and iterator is not None:
            # Picked from the list (the script keeps the id and the label together);
            # without the script the text may have been changed since: read it again.
            obj = iterator.field.queryset.filter(pk=pk).first()
            if obj is not None and _same(iterator.field.label_from_instance(obj), text):
                return pk
        return self._resolved(text) or text

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}{TEXT_SUFFIX}" not in data


class LookupSelectMultiple(LookupMixin, forms.SelectMultiple):
    multiple = True

    def value_from_datadict(self, data, files, name):
        values = super().value_from_datadict(data, files, name) or []
        text = (data.get(f"{name}{TEXT_SUFFIX}") or "").strip()
        if text:
            values = [*values, self._resolved(text) or text]
        return values

    def value_omitted_from_data(self, data, files, name):
        return name not in data and f"{name}{TEXT_SUFFIX}" not in data


def source(kind: str, cls: type, pk=None) -> str:
    """The signed name of the form a look-up field belongs to: the endpoint builds that
    form again for the person asking, and imports nothing it was not given by us."""
    return signing.dumps(
        {"k": kind, "c": f"{cls.__module__}.{cls.__qualname__}", "pk": pk}, salt=SALT
    )


def rebuildable(cls: type) -> bool:
    """Whether the endpoint can build `cls` again from the person and the record alone
    (a form that needs more, e.g. the submission it belongs to, keeps its selects)."""
    for parameter in inspect.signature(cls.__init__).parameters.values():
        if parameter.kind is parameter.KEYWORD_ONLY and parameter.default is parameter.empty:
            if parameter.name != "user":
                return False
    return True


def prepare(fields: dict, kind: str, cls: type, pk=None) -> None:
    """Give every model choice field in `fields` a look-up widget (rendered as a
    select while its choices are few). Widgets a form chose on purpose stay."""
    if not rebuildable(cls):
        return
    token = None
    for name, field in fields.items():
        if not isinstance(field, forms.ModelChoiceField):
            continue
        if type(field.widget) is forms.Select:
            widget_class = LookupSelect
        elif type(field.widget) is forms.SelectMultiple:
            widget_class = LookupSelectMultiple
        else:
            continue
        token = token or source(kind, cls, pk)
        widget = widget_class(attrs=field.widget.attrs)
        widget.is_required = field.widget.is_required
        widget.choices = field.choices
        widget.lookup_url = f"{reverse('lookup')}?source={token}&field={name}"
        field.widget = widget
        field.error_messages["invalid_choice"] = INVALID_CHOICE


def _field(request, payload: dict, name: str) -> forms.ModelChoiceField:
    """The field `name` of the form named in `payload`, built for this person."""
    cls = import_string(payload["c"])
    if payload["k"] == "filter":
        form = cls(None, request=request).form
    else:
        model = cls._meta.model
        instance = model()
        if payload["pk"] is not None:
            # Only a record the person may change has an edit form to look up from.
            instance = model.objects.restrict(request.user, "change").filter(pk=payload["pk"])
            instance = instance.first()
            if instance is None:
                raise Http404
        form = cls(user=request.user, instance=instance)
    field = form.fields.get(name)
    if not isinstance(field, forms.ModelChoiceField):
        raise Http404
    return field


@login_required
def lookup(request):
    """Up to RESULTS records the field offers that match `q`, as JSON:
    {"results": [{"id", "text"}], "more": bool}."""
    try:
        payload = signing.loads(request.GET.get("source", ""), salt=SALT)
    except signing.BadSignature:
        raise Http404 from None
    field = _field(request, payload, request.GET.get("field", ""))
    text = request.GET.get("q", "").strip()[:100]
    found = list(search(field.queryset, text)[: RESULTS + 1]) if text else []
    results = [{"id": obj.pk, "text": field.label_from_instance(obj)} for obj in found]
    return JsonResponse(
        {"results": results[:RESULTS], "more": len(results) > RESULTS},
        json_dumps_params={"ensure_ascii": False},
    )
