"""Impacts as records of their aspect: pages, API, filters, history, import, the
migration from the former free text and the demo."""

import importlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from zist.aspects.models import Activity, Aspect, Impact
from zist.aspects.testing import make_criteria_set
from zist.users.roles import Role

SCORES = {"severity": 3, "probability": 3, "extent": 3}


@pytest.fixture
def manager(cast, make_user, client):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    client.force_login(user)
    return user


@pytest.fixture
def aspects(cast):
    """Street sweeping (District 3) with fuel use and dust; park irrigation (District 4)
    with irrigation water and composting."""
    criteria_set = make_criteria_set(cast.region)
    sweeping = Activity.objects.create(unit=cast.inside, code="sweep", name="Street sweeping")
    parks = Activity.objects.create(unit=cast.outside, code="parks", name="Park care")

    def aspect(activity, name):
        return Aspect.objects.create(
            activity=activity, name=name, criteria_set=criteria_set, scores=SCORES
        )

    fuel, dust = aspect(sweeping, "Fuel use of sweepers"), aspect(sweeping, "Street dust")
    water, compost = aspect(parks, "Irrigation water"), aspect(parks, "Composting leaves")
    Impact.objects.create(aspect=fuel, category="air", description="NOx and particles")
    Impact.objects.create(aspect=fuel, category="air", description="Diesel smell")
    Impact.objects.create(aspect=fuel, category="climate", description="CO2 from diesel")
    Impact.objects.create(aspect=dust, category="air", description="PM10 in the street")
    Impact.objects.create(aspect=water, category="water", description="Less groundwater")
    Impact.objects.create(
        aspect=compost, category="soil", description="Humus for flower beds", effect="beneficial"
    )
    return {"fuel": fuel, "dust": dust, "water": water, "compost": compost}


def _names(response) -> list[str]:
    return sorted(str(row["object"]) for row in response.context["rows"])


# Pages and API


def test_it_adds_an_impact_from_the_aspect_page(manager, aspects, client):
    fuel = aspects["fuel"]
    page = client.get(fuel.get_absolute_url()).content.decode()
    add_url = f"{reverse('aspects:impact_add')}?aspect={fuel.pk}"
    assert add_url in page
    assert "NOx and particles" in page and "CO2 from diesel" in page

    form = client.get(add_url).context["form"]
    assert form.initial["aspect"] == str(fuel.pk)
    response = client.post(
        reverse("aspects:impact_add"),
        {
            "aspect": fuel.pk,
            "category": "noise",
            "description": "Engine noise at 5 am",
            "effect": "adverse",
        },
    )
    assert response.status_code == 302, response.content
    impact = Impact.objects.get(description="Engine noise at 5 am")
    assert (impact.aspect, impact.category, impact.effect) == (fuel, "noise", "adverse")
    assert "Engine noise at 5 am" in client.get(fuel.get_absolute_url()).content.decode()


def test_it_changes_and_deletes_an_impact_through_its_pages(manager, aspects, client):
    impact = aspects["compost"].impacts.get()
    response = client.post(
        reverse("aspects:impact_edit", args=[impact.pk]),
        {
            "aspect": impact.aspect_id,
            "category": "soil",
            "description": "Humus and nutrients for flower beds",
            "effect": "beneficial",
        },
    )
    assert response.status_code == 302
    impact.refresh_from_db()
    assert impact.description == "Humus and nutrients for flower beds"
    response = client.post(reverse("aspects:impact_delete", args=[impact.pk]))
    assert response.status_code == 302
    assert not Impact.objects.filter(pk=impact.pk).exists()
    assert Aspect.objects.filter(pk=aspects["compost"].pk).exists()


def test_it_refuses_an_impact_without_description_or_on_an_aspect_out_of_reach(
    cast, make_user, aspects, client
):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    blank = client.post(
        reverse("aspects:impact_add"),
        {"aspect": aspects["fuel"].pk, "category": "air", "effect": "adverse"},
    )
    assert blank.status_code == 400 and "description" in blank.context["form"].errors
    form = client.get(reverse("aspects:impact_add")).context["form"]
    assert set(form.fields["aspect"].queryset) == {aspects["fuel"], aspects["dust"]}
    elsewhere = client.post(
        reverse("aspects:impact_add"),
        {
            "aspect": aspects["water"].pk,
            "category": "water",
            "description": "More wells",
            "effect": "adverse",
        },
    )
    assert elsewhere.status_code == 400
    assert not Impact.objects.filter(description="More wells").exists()


def test_it_writes_impacts_through_the_api(cast, make_user, aspects):
    api = APIClient()
    api.force_authenticate(make_user(Role.ENVIRONMENTAL_MANAGER, cast.inside))
    dust = aspects["dust"]
    created = api.post(
        "/api/aspects/impacts/",
        {"aspect": dust.pk, "category": "health", "description": "Coughing passers-by"},
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["category"], body["effect"]) == ("health", "adverse")
    assert body["display"] == "Human health and community: Coughing passers-by"
    impact_id = body["id"]
    patched = api.patch(
        f"/api/aspects/impacts/{impact_id}/", {"effect": "beneficial"}, format="json"
    )
    assert patched.status_code == 200 and patched.json()["effect"] == "beneficial"
    wrong = api.post(
        "/api/aspects/impacts/",
        {"aspect": dust.pk, "category": "smell", "description": "Odour"},
        format="json",
    )
    assert wrong.status_code == 400 and "category" in wrong.json()
    aspect = api.get(f"/api/aspects/aspects/{dust.pk}/").json()
    assert sorted(aspect["impacts"]) == sorted(dust.impacts.values_list("pk", flat=True))
    assert "impact" not in aspect
    listed = api.get("/api/aspects/impacts/", {"aspect": dust.pk}).json()["results"]
    assert {item["id"] for item in listed} == set(dust.impacts.values_list("pk", flat=True))
    assert api.delete(f"/api/aspects/impacts/{impact_id}/").status_code == 204


# Filters


def test_it_lists_the_aspects_that_affect_one_part_of_the_environment(manager, aspects, client):
    url = reverse("aspects:aspect_list")
    # Fuel use has two air impacts and is listed once.
    air = client.get(url, {"impact_category": "air"})
    assert _names(air) == ["Fuel use of sweepers", "Street dust"]
    assert _names(client.get(url, {"impact_category": "soil"})) == ["Composting leaves"]
    assert _names(client.get(url, {"impact_category": "noise"})) == []
    assert _names(client.get(url, {"q": "groundwater"})) == ["Irrigation water"]
    assert _names(client.get(url, {"q": "sweepers"})) == ["Fuel use of sweepers"]
    api = APIClient()
    api.force_authenticate(manager)
    found = api.get("/api/aspects/aspects/", {"impact_category": "climate"}).json()["results"]
    assert [item["name"] for item in found] == ["Fuel use of sweepers"]


def test_it_filters_impacts_by_category_effect_and_unit(manager, aspects, cast, client):
    url = reverse("aspects:impact_list")

    def descriptions(response) -> list[str]:
        return sorted(row["object"].description for row in response.context["rows"])

    assert descriptions(client.get(url, {"category": "air"})) == [
        "Diesel smell",
        "NOx and particles",
        "PM10 in the street",
    ]
    assert descriptions(client.get(url, {"effect": "beneficial"})) == ["Humus for flower beds"]
    assert descriptions(client.get(url, {"aspect__activity__unit": cast.outside.pk})) == [
        "Humus for flower beds",
        "Less groundwater",
    ]
    assert descriptions(
        client.get(url, {"aspect__activity__unit": cast.inside.pk, "category": "climate"})
    ) == ["CO2 from diesel"]


def test_it_filters_the_aspect_list_as_of_a_date_by_impact(manager, aspects, client):
    # As of a date the list reads history rows (their pk is not the aspect's id).
    url = reverse("aspects:aspect_list")
    response = client.get(url, {"as_of": "2100-01-01", "impact_category": "water"})
    assert response.status_code == 200
    assert _names(response) == ["Irrigation water"]
    response = client.get(url, {"as_of": "2100-01-01", "q": "humus"})
    assert _names(response) == ["Composting leaves"]


def test_it_reads_the_impacts_of_a_page_of_aspects_in_one_query(manager, aspects):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    api = APIClient()
    api.force_authenticate(manager)
    api.get("/api/aspects/aspects/")  # the user's grants are read once and kept
    with CaptureQueriesContext(connection) as few:
        api.get("/api/aspects/aspects/")
    for aspect in aspects.values():
        Impact.objects.create(aspect=aspect, category="other", description="More")
        Aspect.objects.create(activity=aspect.activity, name=f"{aspect.name} again")
    with CaptureQueriesContext(connection) as many:
        listed = api.get("/api/aspects/aspects/").json()["results"]
    assert len(listed) == 8
    assert len(many.captured_queries) == len(few.captured_queries)


# History and import


def test_it_keeps_the_history_of_an_impact(manager, aspects, client):
    impact = aspects["water"].impacts.get()
    client.post(
        reverse("aspects:impact_edit", args=[impact.pk]),
        {
            "aspect": impact.aspect_id,
            "category": "water",
            "description": "Less groundwater",
            "effect": "beneficial",
        },
    )
    assert [h.effect for h in impact.history.order_by("history_date", "history_id")] == [
        "adverse",
        "beneficial",
    ]
    page = client.get(reverse("aspects:impact_history", args=[impact.pk])).content.decode()
    assert "Adverse" in page and "Beneficial" in page
    client.post(reverse("aspects:impact_delete", args=[impact.pk]))
    gone = client.get(reverse("aspects:impact_history", args=[impact.pk]))
    assert gone.status_code == 200 and "Less groundwater" in gone.content.decode()


def test_it_updates_imported_impacts_instead_of_copying_them(manager, aspects, client):
    fuel = aspects["fuel"]
    text = (
        "Environmental aspect,Affected environment,Description,Adverse or beneficial\n"
        f"{fuel.pk},Climate,CO2 from diesel,Beneficial\n"
        f"{fuel.pk},Noise and vibration,Engine noise,Adverse\n"
    )

    def send():
        upload = SimpleUploadedFile("impacts.csv", text.encode(), content_type="text/csv")
        return client.post(reverse("aspects:impact_import"), {"file": upload})

    assert send().status_code == 302
    assert send().status_code == 302
    assert fuel.impacts.count() == 4  # NOx, diesel smell, CO2 (updated), engine noise
    assert fuel.impacts.get(category="climate").effect == "beneficial"
    assert fuel.impacts.filter(description="Engine noise").count() == 1


def test_it_refuses_an_aspect_sheet_with_the_former_impacts_column(manager, aspects, client):
    text = "Activity,Aspect,Environmental impacts\nsweep,Noise,Sleepless neighbours\n"
    upload = SimpleUploadedFile("aspects.csv", text.encode(), content_type="text/csv")
    response = client.post(reverse("aspects:aspect_import"), {"file": upload})
    assert response.status_code == 400
    assert "Environmental impacts" in str(response.context["form"].errors["file"])


# The migration from the former free text


@pytest.mark.django_db(transaction=True)
def test_it_turns_the_former_impact_text_into_one_record(cast):
    before, after = (
        [("aspects", "0002_initial")],
        [("aspects", "0004_keep_impact_text_for_history")],
    )
    activity = Activity.objects.create(unit=cast.inside, code="sweep", name="Street sweeping")
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        old = executor.loader.project_state(before).apps.get_model("aspects", "Aspect")
        worded = old.objects.create(
            activity_id=activity.pk, name="Fuel use", impact="Smog and CO2\nfrom diesel"
        )
        # How the text read before its last change, as the aspect's history kept it.
        old_history = executor.loader.project_state(before).apps.get_model(
            "aspects", "HistoricalAspect"
        )
        old_history.objects.create(
            id=worded.pk,
            activity_id=activity.pk,
            name="Fuel use",
            impact="Smog from diesel",
            condition="normal",
            life_cycle_stage="production",
            control="direct",
            significant=False,
            significance_basis="incomplete",
            created=worded.created,
            history_date=worded.created,
            history_type="+",
        )
        old.objects.create(activity_id=activity.pk, name="Lighting", impact="")
        old.objects.create(activity_id=activity.pk, name="Paper", impact="  \n ")

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        impact = Impact.objects.get()
        assert impact.aspect_id == worded.pk
        assert (impact.category, impact.effect) == ("other", "adverse")
        assert impact.description == "Smog and CO2\nfrom diesel"
        # The aspect's history still shows how its text read.
        assert list(Aspect.history.filter(id=worded.pk).values_list("impact", flat=True)) == [
            "Smog from diesel"
        ]
        (created,) = impact.history.all()
        assert created.history_type == "+" and created.history_user is None
        reason = importlib.import_module("zist.aspects.migrations.0003_impact").REASON
        with translation.override("fa"):  # Tehran's language
            assert created.history_change_reason == translation.gettext(reason) != reason

        # Undone, the descriptions go back into the text.
        impact.pk = None
        impact.description = "Diesel smell"
        impact.save()
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        old = executor.loader.project_state(before).apps.get_model("aspects", "Aspect")
        assert old.objects.get(pk=worded.pk).impact == "Smog and CO2\nfrom diesel\nDiesel smell"
        assert old.objects.get(name="Lighting").impact == ""
    finally:
        MigrationExecutor(connection).migrate(after)


# Demo


def test_it_loads_the_demo_impacts_once(db):
    from zist.aspects import demo
    from zist.demo import platform

    platform.load()
    first = demo.load()
    assert first["environmental impacts"] == Impact.objects.count() > 100
    history = Impact.history.count()
    assert demo.load() == {}
    assert Impact.history.count() == history
    fuel = Aspect.objects.get(name="مصرف سوخت ماشین‌آلات رفت‌وروب")
    assert set(fuel.impacts.values_list("category", flat=True)) == {"air", "climate", "resources"}
    compost = Impact.objects.get(aspect__name="تولید کمپوست از پسماند هرس و برگ", category="soil")
    assert compost.effect == "beneficial"
    irrigation = Impact.objects.get(aspect__name="مصرف آب آبیاری", category="water")
    assert irrigation.effect == "adverse"
    assert Impact.objects.filter(
        aspect__activity__unit__organisation__name=demo.ALBERTSLUND,
        description="Salt i grundvand og vandløb",
    ).exists()
    assert Impact.objects.filter(
        aspect__activity__unit__organisation__name=demo.KEMI,
        effect="beneficial",
        description="Ravinteiden kierrätys kompostin kautta maaperään",
    ).exists()
    assert not Impact.objects.filter(category="other").exists()
