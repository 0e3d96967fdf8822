"""Filter labels are in the language of each request, also after the API schema (which
reads the filtersets shared by every request) was served in another language."""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.text import capfirst

from zist.audits.models import Audit
from zist.core.registry import registers

pytestmark = pytest.mark.django_db


def _filter_labels(html: str) -> list[str]:
    form = html.split('class="filters"', 1)[1].split("</form>", 1)[0]
    return re.findall(r'<label for="[^"]*">([^<]*)</label>', form)


def _verbose(field: str, language: str) -> str:
    with translation.override(language):
        return str(capfirst(Audit._meta.get_field(field).verbose_name))


def test_it_keeps_list_filter_labels_translated_after_the_schema(client, cast):
    client.force_login(cast.superuser)
    assert client.get("/api/schema/", HTTP_ACCEPT_LANGUAGE="en").status_code == 200

    for language in ("fa", "da"):
        labels = _filter_labels(client.get(f"/{language}/audits/audits/").content.decode())
        for field in ("kind", "status", "unit"):
            assert _verbose(field, language) in labels, (language, labels)
        # What django-filter falls back on without a label: the field's name.
        assert "Kind" not in labels
    assert _verbose("status", "fa") != "Status"


def _every_label(user, language: str) -> dict[str, list[str]]:
    request = RequestFactory().get("/")
    request.user = user
    labels = {}
    with translation.override(language):
        for register in registers():
            filterset = register.filterset(
                None, queryset=register.model.objects.none(), request=request
            )
            labels[register.label()] = [str(field.label) for field in filterset.form]
    return labels


def test_it_gives_every_register_the_same_labels_before_and_after_the_schema(client, cast):
    before = {language: _every_label(cast.superuser, language) for language in ("fa", "da", "fi")}
    client.force_login(cast.superuser)
    assert client.get("/api/schema/", HTTP_ACCEPT_LANGUAGE="en").status_code == 200

    for language, labels in before.items():
        assert _every_label(cast.superuser, language) == labels, language
