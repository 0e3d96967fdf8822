"""Filters for showing a compiled or frozen statement: names in the reader's
language, stored choice keys as their labels, the flower."""

from __future__ import annotations

from django import template
from django.apps import apps
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from zist.publication import flower as flower_module

register = template.Library()


@register.filter
def pick(names) -> str:
    """A name in the reader's language from a {language: name} dict."""
    if not isinstance(names, dict):
        return names or ""
    return flower_module.pick(names, get_language() or "en")


@register.filter
def choice(value, field: str) -> str:
    """A stored choice key as its label: `{{ key|choice:"aspects.Aspect.control" }}`."""
    if value in (None, ""):
        return ""
    parts = field.split(".")
    if len(parts) == 2:  # "objectives.ObjectiveStatus": a choices class of the app
        import importlib

        choices = getattr(importlib.import_module(f"zist.{parts[0]}.models"), parts[1])
        return str(dict(choices.choices).get(value, value))
    app_label, model_name, field_name = parts
    model_field = apps.get_model(app_label, model_name)._meta.get_field(field_name)
    return str(dict(model_field.flatchoices).get(value, value))


@register.filter
def source(text: str) -> str:
    """Where a figure comes from, as stored by the compiler ("meters:3")."""
    from zist.core.calendars import localize_digits

    kind, _sep, detail = (text or "").partition(":")
    if kind in ("meters", "entered"):
        detail = localize_digits(detail)
    if kind == "meters":
        return _("readings of %(count)s meters") % {"count": detail}
    if kind == "entered":
        return _("%(count)s values entered") % {"count": detail}
    if kind == "formula":
        return _("formula %(formula)s") % {"formula": detail}
    if kind in ("scope1", "scope2_location", "scope2_market"):
        return _("greenhouse-gas inventory")
    return ""


@register.filter
def area(key: str) -> str:
    from zist.indicators.models import Category

    try:
        return str(Category(key).label)
    except ValueError:
        return key


@register.filter
def status_label(key: str) -> str:
    return str(flower_module.status_labels().get(key or "", key))


@register.simple_tag(takes_context=True)
def flower(context, petals, href_prefix: str = "#theme-"):
    """The flower's SVG and, under it, its legend (symbol, colour and words)."""
    from django.utils.html import format_html, format_html_join

    svg = flower_module.flower_svg(
        petals or [],
        get_language() or "en",
        get_language_bidi(),
        href=lambda key: f"{href_prefix}{key}",
        links=not context.get("pdf"),
    )
    legend = format_html_join(
        "",
        '<li class="legend-{}"><span class="swatch swatch-{}" aria-hidden="true">{}</span> {}</li>',
        ((key, key, symbol, label) for key, _colour, symbol, label in flower_module.legend_items()),
    )
    html = mark_safe(svg) + format_html('<ul class="flower-legend">{}</ul>', legend)
    if context.get("pdf"):
        labels = flower_module.status_labels()
        key = format_html_join(
            "",
            "<li>{} — {}</li>",
            (
                (pick(petal["names"]), labels.get(petal.get("status") or "", ""))
                for petal in petals or []
            ),
        )
        html += format_html('<ol class="flower-key">{}</ol>', key)
    return html


@register.filter
def get(mapping, key):
    if isinstance(mapping, dict):
        return mapping.get(str(key), mapping.get(key))
    return None


@register.simple_tag(takes_context=True)
def statement_steps(context, statement) -> dict:
    from zist.publication.views import step_context

    return step_context(context["request"], statement)


@register.filter
def isodate(text):
    """An ISO date stored in a snapshot as a date (for zdate)."""
    import datetime as dt

    if not text:
        return None
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


@register.filter
def fig(value) -> str:
    """A stored figure (decimal text) rounded for reading."""
    from decimal import Decimal, InvalidOperation

    from zist.indicators.templatetags.indicator_tags import figure

    if value in (None, ""):
        return figure(None)
    try:
        return figure(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


@register.simple_tag
def organisation_logo(organisation) -> str:
    """The organisation's logo as a data: URL, or "" (uploads are never served as
    static media; a logo is small and public on the statement)."""
    from zist.core.pdf import logo_data_uri

    return logo_data_uri(organisation)
