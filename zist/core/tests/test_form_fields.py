"""The shared form template: help texts and errors are announced with their field."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_points_aria_describedby_at_the_help_text(client, cast):
    client.force_login(cast.superuser)
    page = client.get(reverse("audits:audit_add")).content.decode()
    described = re.search(r'<select name="unit"[^>]*aria-describedby="([^"]+)"', page).group(1)
    assert described == "id_unit_helptext"
    assert f'<p class="help" id="{described}">' in page


def test_it_points_aria_describedby_at_the_errors(client, cast):
    client.force_login(cast.superuser)
    page = client.post(reverse("audits:audit_add"), {"title": "x"}).content.decode()
    described = re.search(r'<select name="unit"[^>]*aria-describedby="([^"]+)"', page).group(1)
    assert described.split() == ["id_unit_helptext", "id_unit_error"]
    assert 'id="id_unit_error"' in page
