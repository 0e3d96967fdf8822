"""Typed look-ups (zist.core.lookups): a choice above ZIST_LOOKUP_ABOVE records is a
text input with matches from one endpoint, restricted like the field it serves."""

import re
from urllib.parse import urlencode

import pytest
from django import forms
from django.test import override_settings
from django.urls import reverse

from zist.actions.models import Action
from zist.core.lookups import LookupSelectMultiple, prepare
from zist.meters.testing import make_meter
from zist.organisations import services
from zist.organisations.models import Unit
from zist.users.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _low_threshold(settings):
    settings.ZIST_LOOKUP_ABOVE = 2


@pytest.fixture
def meters(cast):
    """Three meters in District 3 and three in District 4."""
    return {
        "inside": [make_meter(cast.inside, code=f"D3-{i}") for i in range(3)],
        "outside": [make_meter(cast.outside, code=f"D4-{i}") for i in range(3)],
    }


@pytest.fixture
def representative(cast, make_user, client):
    user = make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside)
    client.force_login(user)
    return user


def _lookup_url(html: str, name: str) -> str:
    found = re.search(rf'data-lookup="([^"]+field={name})"', html)
    assert found, f"no look-up for {name}"
    return found.group(1).replace("&amp;", "&")


def _found(client, url: str, q: str) -> list[str]:
    response = client.get(f"{url}&{urlencode({'q': q})}")
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_it_renders_a_typed_look_up_instead_of_thousands_of_options(meters, representative, client):
    html = client.get(reverse("meters:reading_list")).content.decode()
    assert 'name="meter_text"' in html and 'role="combobox"' in html
    assert "D3-0" not in html  # no option names any meter


def test_it_keeps_a_select_while_the_choices_are_few(meters, representative, client, settings):
    settings.ZIST_LOOKUP_ABOVE = 200
    html = client.get(reverse("meters:reading_list")).content.decode()
    assert 'name="meter_text"' not in html
    assert ">D3-0" in html and "D4-0" not in html


def test_it_finds_only_what_the_field_offers_the_person(cast, meters, representative, client):
    for index in range(3):
        services.create_unit(cast.inside, name=f"Site {index}", code=f"s{index}")
        services.create_unit(cast.outside, name=f"Far site {index}", code=f"f{index}")
    html = client.get(reverse("meters:reading_list")).content.decode()
    meter_url = _lookup_url(html, "meter")
    assert sorted(t for t in _found(client, meter_url, "D") if t.startswith("D")) == [
        str(m) for m in meters["inside"]
    ]
    assert _found(client, meter_url, "D4") == []
    unit_url = _lookup_url(html, "meter__unit")
    assert _found(client, unit_url, "District 4") == []
    assert _found(client, unit_url, "District") == [str(cast.inside)]
    assert sorted(_found(client, unit_url, "site")) == [f"Site {i}" for i in range(3)]


def test_it_reads_persian_digits_typed_in_the_search(meters, representative, client):
    url = _lookup_url(client.get(reverse("meters:reading_list")).content.decode(), "meter")
    assert _found(client, url, "D۳-۱") == [str(meters["inside"][1])]


def test_it_looks_up_in_the_edit_form_with_the_form_s_own_scope(cast, representative, client):
    for index in range(3):
        services.create_unit(cast.inside, name=f"Site {index}", code=f"s{index}")
        services.create_unit(cast.outside, name=f"Far site {index}", code=f"f{index}")
    html = client.get(reverse("actions:action_add")).content.decode()
    url = _lookup_url(html, "unit")
    assert sorted(_found(client, url, "site")) == [f"Site {i}" for i in range(3)]


def test_it_refuses_a_forged_source_and_a_stranger(cast, meters, representative, client):
    url = _lookup_url(client.get(reverse("meters:reading_list")).content.decode(), "meter")
    assert client.get(url.replace("source=", "source=x") + "&q=D").status_code == 404
    assert client.get(url.replace("field=meter", "field=nothing") + "&q=D").status_code == 404
    client.logout()
    assert client.get(url + "&q=D").status_code == 302


def test_it_filters_by_the_text_typed_without_javascript(meters, representative, client):
    inside = meters["inside"][2]
    response = client.get(reverse("meters:reading_list"), {"meter_text": inside.code})
    html = response.content.decode()
    assert f'name="meter" value="{inside.pk}"' in html
    assert f'value="{inside}"' in html


def test_it_refuses_text_that_names_nothing_the_person_may_choose(meters, representative, client):
    outside = meters["outside"][0]
    response = client.get(reverse("meters:reading_list"), {"meter_text": outside.code})
    assert "is not one of the choices" in response.content.decode()


def test_it_refuses_a_forged_id_outside_the_choices(cast, meters, representative, client):
    for index in range(3):
        services.create_unit(cast.inside, name=f"Site {index}", code=f"s{index}")
    data = {"unit": cast.outside.pk, "unit_text": str(cast.outside), "title": "Forged"}
    data |= {"kind": "task", "status": "open", "progress": "0"}
    response = client.post(reverse("actions:action_add"), data)
    assert response.status_code == 400
    assert not Action.objects.filter(title="Forged").exists()


def test_it_saves_the_unit_picked_or_typed(cast, representative, client):
    sites = [
        services.create_unit(cast.inside, name=f"Site {index}", code=f"s{index}")
        for index in range(3)
    ]
    data = {"title": "Typed", "kind": "task", "status": "open", "progress": "0"}
    picked = {"unit": sites[1].pk, "unit_text": str(sites[1])}
    assert client.post(reverse("actions:action_add"), data | picked).status_code == 302
    assert Action.objects.get(title="Typed").unit == sites[1]
    data["title"] = "Typed again"
    # Without the script: the id left from before and new text; the text wins.
    typed = {"unit": sites[1].pk, "unit_text": "Site 2"}
    assert client.post(reverse("actions:action_add"), data | typed).status_code == 302
    assert Action.objects.get(title="Typed again").unit == sites[2]


@override_settings(ZIST_LOOKUP_ABOVE=0)
def test_it_keeps_chosen_records_of_a_multiple_choice_as_checkboxes(cast):
    class Form(forms.Form):
        units = forms.ModelMultipleChoiceField(Unit.objects.all(), required=False)

    form = Form({"units": [cast.inside.pk], "units_text": "District 4"})
    prepare(form.fields, "form", Form)
    assert isinstance(form.fields["units"].widget, LookupSelectMultiple)
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["units"]) == {cast.inside, cast.outside}
    html = str(form["units"])
    assert f'type="checkbox" name="units" value="{cast.inside.pk}" checked' in html
