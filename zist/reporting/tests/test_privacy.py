"""Who sees what: an organisation sees its own submission and anonymised statistics;
the regulator's reviewer sees the submissions to its programmes and nothing else of an
organisation (no aspects, indicators, readings, documents, units). Over pages, the API
and exports."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from zist.aspects.models import Activity
from zist.documents.models import Document
from zist.indicators.models import Indicator
from zist.meters.models import Meter
from zist.organisations.models import Organisation, Unit
from zist.reporting.models import Figure, Programme, Submission
from zist.users.models import User

pytestmark = pytest.mark.usefixtures("regulator_demo")

OWN, PEER = "سیمان تهران", "سیمان شاهرود"


def _csv(client, url, **params) -> str:
    response = client.get(url, {"export": "csv", **params})
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _api(user) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def _programme():
    return Programme.objects.get(year=1404, unit__organisation__kind="regulator")


@pytest.mark.django_db
class TestOrganisationUser:
    @pytest.fixture
    def user(self, client):
        user = User.objects.get(username="cement.manager")
        client.force_login(user)
        return user

    def test_it_lists_and_exports_only_its_own_submissions(self, user, client):
        listed = client.get(reverse("reporting:submission_list"), {"per_page": 250})
        shown = {row["object"].unit.organisation.name for row in listed.context["rows"]}
        assert shown == {OWN}
        exported = _csv(client, reverse("reporting:submission_list"))
        assert OWN in exported and PEER not in exported
        api = {s["unit"] for s in _api(user).get("/api/reporting/submissions/").json()["results"]}
        assert api == {Organisation.objects.get(name=OWN).root_unit.pk}
        peer = Submission.objects.get(programme=_programme(), unit__organisation__name=PEER)
        assert client.get(reverse("reporting:submission_detail", args=[peer.pk])).status_code == 404
        assert _api(user).get(f"/api/reporting/submissions/{peer.pk}/").status_code == 404
        peer_figure = peer.figures.first()
        assert (
            client.get(reverse("reporting:figure_detail", args=[peer_figure.pk])).status_code == 404
        )
        figures = _api(user).get("/api/reporting/figures/", {"page_size": 1000}).json()["results"]
        assert {f["submission"] for f in figures} == set(
            Submission.objects.filter(unit__organisation__name=OWN).values_list("pk", flat=True)
        )

    def test_it_sees_anonymised_peer_statistics_only(self, user, client):
        programme = _programme()
        page = client.get(reverse("reporting:benchmark", args=[programme.pk])).content.decode()
        assert "1.075" in page or "1٫075" in page  # the cement sector's P75
        for peer in ("سیمان شاهرود", "سیمان فارس", "فولاد مبارکه", "کربن ایران"):
            assert peer not in page
        # Only its own sector; the regulator's export is not for it.
        assert "C2410" not in page
        assert PEER not in _csv(client, reverse("reporting:benchmark", args=[programme.pk]))
        results = (
            _api(user).get(f"/api/reporting/programmes/{programme.pk}/results/").json()["results"]
        )
        assert {r["sector"] for r in results} == {"C2394"}
        energy = next(r for r in results if r["kpi"] == "ENERGY")
        assert "ranking" not in energy and "minimum" not in energy["statistics"]
        assert energy["own"]["rank"] == 1 and energy["statistics"]["count"] == 3

    def test_it_cannot_accept_its_own_submission(self, user):
        own = Submission.objects.get(programme=_programme(), unit__organisation__name=OWN)
        Submission.objects.filter(pk=own.pk).update(status="submitted")
        assert _api(user).post(f"/api/reporting/submissions/{own.pk}/accept/").status_code in (
            403,
            404,
        )
        assert Submission.objects.get(pk=own.pk).status == "submitted"


@pytest.mark.django_db
class TestRegulatorReviewer:
    @pytest.fixture
    def industry(self):
        """Tehran Cement's own environmental records: none may reach the regulator."""
        root = Organisation.objects.get(name=OWN).root_unit
        Activity.objects.create(unit=root, code="kiln", name="secret-kiln-activity")
        Indicator.objects.create(
            unit=root, code="SECRETKPI", name="secret-indicator", measure_unit="MWh"
        )
        Meter.objects.create(
            unit=root, code="M1", name="secret-meter", carrier="electricity", measure_unit="MWh"
        )
        Document.objects.create(unit=root, code="SECRET-DOC", title="secret-document")
        return root

    @pytest.fixture
    def reviewer(self, client):
        user = User.objects.get(username="doe.reviewer")
        client.force_login(user)
        return user

    def test_it_sees_every_submission_to_its_programmes(self, reviewer, client):
        listed = client.get(reverse("reporting:submission_list"), {"per_page": 250})
        assert len(listed.context["rows"]) == 24
        exported = _csv(client, reverse("reporting:submission_list"))
        assert OWN in exported and PEER in exported
        benchmark = _csv(client, reverse("reporting:benchmark", args=[_programme().pk]))
        assert OWN in benchmark and "کربن ایران" in benchmark
        results = _api(reviewer).get(f"/api/reporting/programmes/{_programme().pk}/results/").json()
        assert any(r.get("ranking") for r in results["results"])

    @pytest.mark.parametrize(
        ("url", "api", "secret"),
        [
            ("aspects:activity_list", "/api/aspects/activities/", "secret-kiln-activity"),
            ("indicators:indicator_list", "/api/indicators/indicators/", "secret-indicator"),
            ("meters:meter_list", "/api/meters/meters/", "secret-meter"),
            ("documents:document_list", "/api/documents/documents/", "secret-document"),
            ("organisations:unit_list", "/api/organisations/units/", OWN),
        ],
    )
    def test_it_sees_nothing_else_of_the_organisation(
        self, industry, reviewer, client, url, api, secret
    ):
        page = client.get(reverse(url), {"per_page": 250})
        assert page.status_code == 200
        assert secret not in page.content.decode()
        assert secret not in _csv(client, reverse(url))
        response = _api(reviewer).get(api, {"page_size": 1000})
        assert response.status_code == 200, api
        assert secret not in response.content.decode()
        assert (
            client.get(reverse("organisations:unit_detail", args=[industry.pk])).status_code == 404
        )

    def test_it_reviews_but_never_changes_the_figures(self, reviewer):
        submission = Submission.objects.get(programme=_programme(), unit__organisation__name=OWN)
        figure = submission.figures.first()
        api = _api(reviewer)
        assert (
            api.patch(
                f"/api/reporting/figures/{figure.pk}/", {"value": "1"}, format="json"
            ).status_code
            == 404
        )
        assert (
            api.post(
                f"/api/reporting/submissions/{submission.pk}/figures/",
                {"figures": []},
                format="json",
            ).status_code
            == 404
        )
        assert Figure.objects.get(pk=figure.pk).value == figure.value
        Submission.objects.filter(pk=submission.pk).update(status="submitted")
        returned = api.post(
            f"/api/reporting/submissions/{submission.pk}/return/",
            {"comment": "Check the meter."},
            format="json",
        )
        assert returned.status_code == 200, returned.content
        stored = Submission.objects.get(pk=submission.pk)
        assert (stored.status, stored.review_comment, stored.reviewer) == (
            "returned",
            "Check the meter.",
            reviewer,
        )


@pytest.mark.django_db
def test_an_organisation_sends_and_submits_its_figures_machine_to_machine(regulator_demo):
    user = User.objects.get(username="cement.manager")
    own = Submission.objects.get(programme=_programme(), unit__organisation__name=OWN)
    Submission.objects.filter(pk=own.pk).update(status="returned")
    sent = _api(user).post(
        f"/api/reporting/submissions/{own.pk}/figures/",
        {
            "reference_value": "1000000",
            "figures": [
                {"kpi": "ENERGY", "value": "3420000", "unit": "GJ", "source": "ERP export"}
            ],
            "submit": True,
        },
        format="json",
    )
    assert sent.status_code == 200, sent.content
    assert sent.json()["status"] == "submitted"
    figure = Figure.objects.get(submission=own, kpi__code="ENERGY")
    assert (figure.value, figure.source) == (950000, "ERP export")
    refused = _api(user).post(
        f"/api/reporting/submissions/{own.pk}/figures/",
        {"figures": [{"kpi": "ENERGY", "value": "1"}]},
        format="json",
    )
    assert refused.status_code == 400
    assert Figure.objects.get(pk=figure.pk).value == 950000
    assert Unit.objects.filter(pk=own.unit_id).exists()


@pytest.mark.django_db
def test_the_regulator_invites_and_the_organisation_then_sees_the_programme(regulator_demo, client):
    from zist.organisations.services import create_organisation

    newcomer = create_organisation(name="سیمان کرمان", kind="company")
    user = User.objects.create_user("kerman", password="pw", home_unit=newcomer.root_unit)
    from zist.users.models import RoleAssignment

    RoleAssignment.objects.create(user=user, role="viewer", unit=newcomer.root_unit)
    programme = _programme()
    assert not Programme.objects.restrict(user, "view").filter(pk=programme.pk).exists()
    # An organisation cannot invite itself; the regulator can.
    assert _api(user).post(
        f"/api/reporting/programmes/{programme.pk}/invite/",
        {"organisation": newcomer.pk, "sector": "C2394"},
    ).status_code in (403, 404)
    client.force_login(User.objects.get(username="doe.reviewer"))
    page = client.get(programme.get_absolute_url()).content.decode()
    offered = page.split("Invite an organisation")[1].split("</form>")[0]
    # The name is typed: no list of every organisation in the country on the page.
    assert "سیمان کرمان" not in offered and "<option" in offered
    sector = programme.sectors.get(code="C2394").pk
    url = reverse("reporting:invite", args=[programme.pk])
    before = Submission.objects.count()
    for name, refusal in (
        ("سیمان تهران", "already reports"),
        ("سیمان ناموجود", "No organisation of this name"),
    ):
        response = client.post(url, {"organisation": name, "sector": sector}, follow=True)
        assert refusal in response.content.decode()
    assert Submission.objects.count() == before
    response = client.post(url, {"organisation": " سیمان کرمان ", "sector": sector})
    assert response.status_code == 302
    invited = Submission.objects.get(programme=programme, unit=newcomer.root_unit)
    assert invited.status == "invited" and invited.sector.code == "C2394"
    assert Programme.objects.restrict(user, "view").filter(pk=programme.pk).exists()
    assert list(Submission.objects.restrict(user, "view")) == [invited]
