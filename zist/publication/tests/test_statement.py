"""The environmental statement: compiled from the registers, validated by the
verifier only, published with frozen figures, corrected as a new version that shows
the difference."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from zist.publication import services
from zist.publication.compiler import compile_statement
from zist.publication.models import Statement, StatementStatus
from zist.users.roles import Role

SECTIONS = (
    "organisation",
    "policy",
    "aspects",
    "objectives",
    "actions",
    "performance",
    "compliance",
    "verifier",
)


def _core(data, code):
    return next(row for row in data["performance"]["core"] if row["code"] == code)


def test_it_compiles_every_annex_iv_section_with_a_b_r_from_the_registers(world):
    data = compile_statement(world.statement)
    assert set(SECTIONS) <= set(data)
    water = _core(data, "WATER")
    assert [y["year"] for y in water["years"]] == [2023, 2024, 2025]
    for index, year in enumerate(water["years"]):
        a = sum(Decimal(v[index]) for v in world.WATER.values())
        b = Decimal(sum(world.STAFF.values()))
        assert Decimal(year["a"]) == a
        assert Decimal(year["b"]) == b
        assert Decimal(year["r"]) == (a / b).quantize(Decimal("0.0001"))
        assert year["source"] == "entered:2"  # traceable: two values entered that year
    # The city supply (at the root) is not in the own operations' water total.
    assert Decimal(water["years"][-1]["a"]) == 3700
    # Areas without a core indicator say why (or that nothing was recorded).
    omitted = {o["area"]: o["reason"] for o in data["performance"]["omitted"]}
    assert omitted["material"] == "no material flows are recorded"
    assert omitted["energy"] == ""
    # Each site's figure, and the parts add up to the whole.
    sites = {s["id"]: s["name"] for s in data["organisation"]["sites"]}
    per_site = next(r for r in data["performance"]["sites"] if r["code"] == "WATER")
    assert {sites[int(k)]: Decimal(v) for k, v in per_site["values"].items()} == {
        "Biblioteket": 800,
        "Herstedlund Skole": 2900,
    }
    assert per_site["own"] is None
    assert data["compliance"]["statement"] == "Kommunen overholder lovgivningen."
    assert data["verifier"]["accreditation"] == "DANAK 6002"


def test_the_green_accounts_say_what_their_parts_leave_out(world):
    data = compile_statement(world.statement)
    theme = next(t for t in data["accounts"] if t["key"] == "water")
    assert theme["includes"] == "Kommunens egne bygninger."
    city = next(r for r in theme["rows"] if r["code"] == "CITYWATER")
    # Held by the root itself, not by any workplace: shown as its own part.
    assert all(part["value"] is None for part in city["breakdown"])
    assert Decimal(city["own"]) == 860_000
    water = next(r for r in theme["rows"] if r["code"] == "WATER")
    parts = sum(Decimal(p["value"]) for p in water["breakdown"])
    assert parts == Decimal(water["trend"][-1]["value"]) and water["own"] is None


def test_the_flower_colours_each_theme_by_its_thresholds(world):
    flower = {p["key"]: p for p in compile_statement(world.statement)["flower"]}
    # 3900 → 3700 m³ is −5.1 %, lower is better, threshold 2 %: better.
    assert flower["water"]["status"] == "better"
    assert Decimal(flower["water"]["change"]) == Decimal("-5.1282")
    assert flower["communication"]["status"] == "better"  # given, no figures
    world.theme.better_percent = Decimal(6)
    world.theme.save()
    flower = {p["key"]: p for p in compile_statement(world.statement)["flower"]}
    assert flower["water"]["status"] == "unchanged"
    assert world.theme.status_for(Decimal(3), "lower") == "worse"
    assert world.theme.status_for(Decimal(3), "higher") == "unchanged"  # below 6 %
    assert world.theme.status_for(Decimal(7), "higher") == "better"


def _grant(make_user, role, unit, **fields):
    if role == Role.EXTERNAL_AUDITOR:
        fields.setdefault("valid_until", dt.date.today() + dt.timedelta(days=30))
    return make_user(role, unit, **fields)


def test_only_the_verifier_validates_and_only_the_organisation_publishes(world, make_user):
    manager = _grant(make_user, Role.ENVIRONMENTAL_MANAGER, world.root)
    verifier = _grant(make_user, Role.EXTERNAL_AUDITOR, world.root)
    statement = world.statement
    assert not services.may_validate(manager, statement)
    with pytest.raises(PermissionDenied):
        services.validate(manager, statement, "I declare.")
    with pytest.raises(ValidationError):
        services.validate(verifier, statement, "   ")
    statement.refresh_from_db()
    assert statement.status == StatementStatus.DRAFT and statement.declaration == ""
    with pytest.raises(PermissionDenied):
        services.publish(manager, statement)  # not validated yet
    services.validate(verifier, statement, "Signed: the statement is reliable.")
    statement.refresh_from_db()
    assert statement.status == StatementStatus.VALIDATED
    assert statement.validated_by == verifier and statement.validated_on == dt.date.today()
    with pytest.raises(PermissionDenied):
        services.publish(verifier, statement)  # the verifier may not change or publish
    services.publish(manager, statement)
    statement.refresh_from_db()
    assert statement.status == StatementStatus.PUBLISHED and statement.snapshot
    assert statement.snapshot["verifier"]["declaration"] == "Signed: the statement is reliable."
    kinds = list(statement.history.order_by("history_date").values_list("status", flat=True))
    assert kinds == ["draft", "validated", "published"]


def _publish(world, make_user, statement=None):
    statement = statement or world.statement
    manager = _grant(make_user, Role.ENVIRONMENTAL_MANAGER, world.root)
    verifier = _grant(make_user, Role.EXTERNAL_AUDITOR, world.root)
    services.validate(verifier, statement, "Signed.")
    return services.publish(manager, statement), manager


def test_a_published_statement_keeps_its_figures_and_a_correction_shows_the_difference(
    world, make_user
):
    statement, manager = _publish(world, make_user)
    before = _core(statement.snapshot, "WATER")["years"][-1]["a"]
    assert Decimal(before) == 3700
    # A reading is corrected after publication.
    value = world.values[("bib", 2025)]
    value.value = Decimal(1300)
    value.save()
    statement.refresh_from_db()
    assert _core(services.content(statement), "WATER")["years"][-1]["a"] == before
    client = APIClient()
    published = client.get(f"/api/publication/statements/public/{world.org.pk}/2025/").json()
    assert _core(published["snapshot"], "WATER")["years"][-1]["a"] == before
    # The correction: a new version, validated and published in turn.
    with pytest.raises(ValidationError):
        services.correct(manager, statement, "")
    corrected = services.correct(manager, statement, "The library's water reading was wrong.")
    assert (corrected.version, corrected.previous_id, corrected.status) == (
        2,
        statement.pk,
        "draft",
    )
    assert corrected.title == statement.title
    corrected, _ = _publish(world, make_user, corrected)
    statement.refresh_from_db()
    assert statement.status == StatementStatus.SUPERSEDED
    assert _core(statement.snapshot, "WATER")["years"][-1]["a"] == before  # still frozen
    changes = {(c["code"], c["year"], c["figure"]): c for c in corrected.snapshot["difference"]}
    a = changes[("WATER", 2025, "A")]
    assert (Decimal(a["before"]), Decimal(a["after"])) == (3700, 4200)
    assert ("WATER", 2024, "A") not in changes
    # The portal shows the corrected version by default, the first one on request, and
    # the difference on the corrected one.
    page = client.get(f"/da/publication/portal/{world.org.pk}/statements/2025/")
    assert page.status_code == 200
    assert "4.200" in page.content.decode() and "The library" in page.content.decode()
    first = client.get(f"/da/publication/portal/{world.org.pk}/statements/2025/v1/")
    assert first.status_code == 200


def test_a_published_or_validated_statement_cannot_be_edited(world, make_user, client):
    manager = _grant(make_user, Role.ENVIRONMENTAL_MANAGER, world.root)
    verifier = _grant(make_user, Role.EXTERNAL_AUDITOR, world.root)
    services.validate(verifier, world.statement, "Signed.")
    api = APIClient()
    api.force_authenticate(manager)
    url = f"/api/publication/statements/{world.statement.pk}/"
    answer = api.patch(url, {"activities": "Changed after validation."}, format="json")
    assert answer.status_code == 400
    world.statement.refresh_from_db()
    assert world.statement.activities == "Kommunens drift."
    client.force_login(manager)
    edit = client.post(
        reverse("publication:statement_edit", args=[world.statement.pk]),
        {"unit": world.root.pk, "year": 2025, "activities": "Changed."},
    )
    assert edit.status_code in (200, 400)
    world.statement.refresh_from_db()
    assert world.statement.activities == "Kommunens drift."


def test_the_api_validates_and_publishes_for_those_allowed(world, make_user):
    manager = _grant(make_user, Role.ENVIRONMENTAL_MANAGER, world.root)
    verifier = _grant(make_user, Role.EXTERNAL_AUDITOR, world.root)
    viewer = _grant(make_user, Role.VIEWER, world.root)
    base = f"/api/publication/statements/{world.statement.pk}"
    api = APIClient()
    api.force_authenticate(viewer)
    assert api.post(f"{base}/validate/", {"declaration": "x"}).status_code == 403
    api.force_authenticate(manager)
    assert api.post(f"{base}/validate/", {"declaration": "x"}).status_code == 403
    api.force_authenticate(verifier)
    assert api.post(f"{base}/validate/", {"declaration": ""}).status_code == 400
    answer = api.post(f"{base}/validate/", {"declaration": "Signed by the verifier."})
    assert answer.status_code == 200 and answer.json()["status"] == "validated"
    assert api.post(f"{base}/publish/").status_code == 403
    api.force_authenticate(manager)
    answer = api.post(f"{base}/publish/")
    assert answer.status_code == 200 and answer.json()["status"] == "published"
    content = api.get(f"{base}/content/").json()
    assert _core(content, "WATER")["years"][-1]["a"] == "3700"
    assert Statement.objects.get(pk=world.statement.pk).published_by == manager


def test_the_statement_page_shows_every_section_and_the_flower(world, make_user, client):
    manager = _grant(make_user, Role.ENVIRONMENTAL_MANAGER, world.root)
    client.force_login(manager)
    page = client.get(reverse("publication:statement_document", args=[world.statement.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    for anchor in ("sec-a", "sec-b", "sec-c", "sec-d", "sec-e", "sec-f", "sec-g", "sec-h"):
        assert f'id="{anchor}"' in html
    assert '<svg class="flower"' in html and 'href="#theme-water"' in html
    detail = client.get(reverse("publication:statement_detail", args=[world.statement.pk]))
    assert detail.status_code == 200
    # Someone of another organisation does not reach it.
    stranger = _grant(make_user, Role.ENVIRONMENTAL_MANAGER, world.cast.region)
    client.force_login(stranger)
    url = reverse("publication:statement_document", args=[world.statement.pk])
    assert client.get(url).status_code == 404


def test_a_published_statement_offers_a_corrected_version_instead_of_edit(world, make_user, client):
    manager = _grant(make_user, Role.ENVIRONMENTAL_MANAGER, world.root)
    client.force_login(manager)
    edit_url = reverse("publication:statement_edit", args=[world.statement.pk])
    detail_url = reverse("publication:statement_detail", args=[world.statement.pk])
    document_url = reverse("publication:statement_document", args=[world.statement.pk])
    # A draft: Edit on its page and on the document.
    assert f'href="{edit_url}"' in client.get(detail_url).content.decode()
    assert f'href="{edit_url}"' in client.get(document_url).content.decode()
    verifier = _grant(make_user, Role.EXTERNAL_AUDITOR, world.root)
    services.validate(verifier, world.statement, "Signed.")
    # Validated: nothing to edit (the form would refuse), nothing to correct yet.
    assert f'href="{edit_url}"' not in client.get(detail_url).content.decode()
    assert "Make a corrected version" not in client.get(document_url).content.decode()
    services.publish(manager, world.statement)
    detail = client.get(detail_url).content.decode()
    document = client.get(document_url).content.decode()
    assert f'href="{edit_url}"' not in detail and f'href="{edit_url}"' not in document
    assert 'id="statement-correct"' in detail
    assert f'href="{detail_url}#statement-correct"' in document
    assert "Make a corrected version" in document
