"""Assessors score independently: before the round's consensus step an assessor sees
no other assessor's score on any surface (pages, API, exports, history); the panel's
lead sees them all, and so does everyone from the consensus step on."""

from decimal import Decimal as D

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from zist.awards.models import Application, Criterion, Round, Scheme, Score

NOTE_A, NOTE_B = "Leadership visible in the kiln walk", "Strategy memo is a draft only"


@pytest.fixture
def panel(cast, make_user):
    scheme = Scheme.objects.create(unit=cast.foreign, code="mini", name="Mini excellence")
    criterion = Criterion.objects.create(
        scheme=scheme, code="E1", name="Leadership", kind="enabler", points=1000
    )
    round_ = Round.objects.create(unit=cast.foreign, scheme=scheme, name="2026", status="assessing")
    application = Application.objects.create(round=round_, unit=cast.inside)
    lead = make_user("environmental_manager", cast.foreign, username="lead")
    a = make_user("environmental_representative", cast.foreign, username="assessor-a")
    b = make_user("environmental_representative", cast.foreign, username="assessor-b")
    mine = Score.objects.create(
        application=application, criterion=criterion, assessor=a, percent=D(60), note=NOTE_A
    )
    other = Score.objects.create(
        application=application, criterion=criterion, assessor=b, percent=D(90), note=NOTE_B
    )
    other.percent = D("95.5")  # a second state in the history of b's score
    other.save()
    return {"round": round_, "lead": lead, "a": a, "b": b, "mine": mine, "other": other}


def _table(content: bytes) -> str:
    """The list's rows (its filter form offers every user by name, scores aside)."""
    return content.decode().partition("<table")[2]


def _surfaces(client, api, user, panel) -> dict[str, str | int]:
    """What `user` is shown of the scores, surface by surface."""
    client.force_login(user)
    api.force_authenticate(user)
    other = panel["other"]
    listing = reverse("awards:score_list")
    return {
        "list": _table(client.get(listing).content),
        "csv": b"".join(client.get(listing + "?export=csv").streaming_content).decode(),
        "detail": client.get(reverse("awards:score_detail", args=[other.pk])).status_code,
        "history": client.get(reverse("awards:score_history", args=[other.pk])).status_code,
        "changes": client.get(reverse("change_log")).content.decode(),
        "as of": _table(client.get(listing + "?as_of=2100-01-01").content),
        "api list": api.get("/api/awards/scores/").content.decode(),
        "api detail": api.get(f"/api/awards/scores/{other.pk}/").status_code,
        "api change": api.patch(
            f"/api/awards/scores/{other.pk}/", {"percent": "10"}, format="json"
        ).status_code,
    }


@pytest.mark.django_db
def test_an_assessor_sees_only_their_own_scores_until_the_consensus_step(client, panel):
    api = APIClient()
    a, b, lead, round_ = panel["a"], panel["b"], panel["lead"], panel["round"]
    assert list(Score.objects.restrict(a, "view")) == [panel["mine"]]
    assert list(Score.objects.restrict(b, "view")) == [panel["other"]]
    assert Score.objects.restrict(lead, "view").count() == 2

    seen = _surfaces(client, api, a, panel)
    other_url = reverse("awards:score_detail", args=[panel["other"].pk])
    for surface in ("list", "csv", "changes", "as of", "api list"):
        assert "95.5" not in seen[surface] and "95,5" not in seen[surface], surface
        assert f'"{other_url}"' not in seen[surface], surface
    for surface in ("list", "csv", "as of", "api list"):
        assert "assessor-b" not in seen[surface], surface
    other_history = reverse("awards:score_history", args=[panel["other"].pk])
    assert other_history not in seen["changes"]
    # The change log lists one's own.
    assert reverse("awards:score_history", args=[panel["mine"].pk]) in seen["changes"]
    mine_url = reverse("awards:score_detail", args=[panel["mine"].pk])
    assert mine_url in seen["list"] and f'"id":{panel["mine"].pk},' in seen["api list"]
    assert NOTE_A in seen["api list"] and NOTE_B not in seen["api list"]
    assert seen["detail"] == seen["history"] == seen["api detail"] == 404
    assert seen["api change"] == 404
    assert Score.objects.get(pk=panel["other"].pk).percent == D("95.5")
    # The application's assessment (means, spreads) is the lead's, not an assessor's.
    client.force_login(a)
    application_page = client.get(panel["mine"].application.get_absolute_url())
    assert application_page.status_code == 200
    assert "95.5" not in application_page.content.decode()

    lead_sees = _surfaces(client, api, lead, panel)
    assert mine_url in lead_sees["list"] and other_url in lead_sees["list"]
    assert NOTE_B in lead_sees["api list"] and lead_sees["detail"] == 200

    round_.status = "consensus"
    round_.save()
    seen = _surfaces(client, api, a, panel)
    assert other_url in seen["list"] and NOTE_B in seen["api list"]
    assert other_history in seen["changes"]
    assert seen["detail"] == seen["history"] == seen["api detail"] == 200
