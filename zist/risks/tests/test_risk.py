"""Risks rated on the organisation's matrix, with treatments and residual rating."""

from django.urls import reverse

from zist.actions.models import Action
from zist.risks import rating
from zist.risks.models import Risk, RiskBand, RiskMatrix
from zist.risks.testing import make_matrix
from zist.users.roles import Role

BANDS = [
    rating.Band("low", 1),
    rating.Band("medium", 5),
    rating.Band("high", 10),
    rating.Band("very_high", 15),
]


def test_it_rates_likelihood_times_consequence_into_bands():
    assert rating.rating(4, 4) == 16
    assert rating.band_for(16, BANDS).key == "very_high"
    assert rating.band_for(15, BANDS).key == "very_high"
    assert rating.band_for(14, BANDS).key == "high"
    assert rating.band_for(6, BANDS).key == "medium"
    assert rating.band_for(0, BANDS) is None
    cells = rating.grid(5, 5, BANDS)
    assert cells[0][4][:3] == (5, 5, 25)  # top row is the highest likelihood
    assert cells[4][0][:3] == (1, 1, 1)


def test_it_stores_rating_band_and_residual(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    matrix = make_matrix(cast.region)
    response = client.post(
        reverse("risks:risk_add"),
        {
            "unit": cast.inside.pk,
            "title": "Flooded underpass",
            "kind": "risk",
            "likelihood": 4,
            "consequence": 4,
            "residual_likelihood": 2,
            "residual_consequence": 3,
            "status": "open",
        },
    )
    assert response.status_code == 302, response.content
    risk = Risk.objects.get()
    assert risk.matrix == matrix  # found on the parent unit
    assert (risk.rating, risk.band.level) == (16, "very_high")
    assert (risk.residual_rating, risk.residual_band.level) == (6, "medium")


def test_it_refuses_levels_beyond_the_matrix(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    make_matrix(cast.region)
    response = client.post(
        reverse("risks:risk_add"),
        {
            "unit": cast.inside.pk,
            "title": "x",
            "kind": "risk",
            "likelihood": 6,
            "consequence": 1,
            "status": "open",
        },
    )
    assert response.status_code == 400
    assert "likelihood" in response.context["form"].errors


def test_it_rebands_risks_when_the_bands_change(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    matrix = make_matrix(cast.region)
    risk = Risk.objects.create(unit=cast.inside, title="x", likelihood=3, consequence=4)
    assert risk.band.level == "high"
    high = RiskBand.objects.get(matrix=matrix, level="high")
    response = client.post(
        reverse("risks:riskband_edit", args=[high.pk]),
        {"matrix": matrix.pk, "level": "high", "minimum": 13, "colour": "#f2994a"},
    )
    assert response.status_code == 302
    risk.refresh_from_db()
    assert risk.band.level == "medium"
    assert risk.history.count() == 2


def test_it_adds_a_treatment_action_to_a_risk(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    make_matrix(cast.region)
    risk = Risk.objects.create(unit=cast.inside, title="Oil spill", likelihood=2, consequence=5)
    url = reverse("risks:risk_treatment_add", args=[risk.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert form.context["form"].initial["kind"] == "treatment"
    response = client.post(
        url,
        {
            "unit": cast.inside.pk,
            "title": "Spill kits at the depot",
            "kind": "treatment",
            "due_date": "2030-01-31",
            "status": "open",
            "progress": 0,
        },
    )
    assert response.status_code == 302, response.content
    action = Action.objects.get()
    assert (action.source, action.kind) == (risk, "treatment")
    assert "Spill kits at the depot" in client.get(risk.get_absolute_url()).content.decode()


def test_it_hides_the_treatment_form_of_a_risk_out_of_reach(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_REPRESENTATIVE, cast.inside))
    make_matrix(cast.region)
    risk = Risk.objects.create(unit=cast.outside, title="x", likelihood=2, consequence=5)
    assert client.get(reverse("risks:risk_treatment_add", args=[risk.pk])).status_code == 404


def test_it_draws_the_matrix_with_counts(cast, make_user, client):
    client.force_login(make_user(Role.ENVIRONMENTAL_MANAGER, cast.region))
    matrix = make_matrix(cast.region)
    Risk.objects.create(unit=cast.inside, title="a", likelihood=5, consequence=5)
    page = client.get(reverse("risks:riskmatrix_detail", args=[matrix.pk])).content.decode()
    assert page.count("<rect") == 50  # 25 cells, before and after treatment
    assert 'fill="#eb5757"' in page
    assert "Almost certain" in page and "Catastrophic" in page


def test_it_uses_the_organisations_own_labels(cast):
    matrix = RiskMatrix(
        unit=cast.region, name="m", likelihood_levels=3, likelihood_labels="کم\nمتوسط\nزیاد"
    )
    assert matrix.likelihood_names() == ["کم", "متوسط", "زیاد"]
    assert matrix.consequence_names()[0] == "Insignificant"


def test_it_lists_risks_due_for_review_for_the_owner(cast, make_user):
    import datetime as dt

    from zist.risks import due

    owner = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    make_matrix(cast.region)
    common = {"unit": cast.inside, "owner": owner, "likelihood": 2, "consequence": 2}
    review = Risk.objects.create(title="Review me", review_on=dt.date(2026, 1, 1), **common)
    Risk.objects.create(title="Closed", review_on=dt.date(2026, 1, 1), status="closed", **common)
    Risk.objects.create(title="Later", review_on=dt.date(2027, 1, 1), **common)
    assert [i.title for i in due.due_items(owner, dt.date(2026, 6, 1))] == [review.title]


def test_it_mirrors_the_matrix_right_to_left(cast, make_user, client):
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="fa")
    client.force_login(user)
    matrix = make_matrix(cast.region)
    ltr = client.get(f"/en/risks/matrices/{matrix.pk}/").content.decode()
    rtl = client.get(f"/fa/risks/matrices/{matrix.pk}/").content.decode()
    # The cell of the lowest likelihood and consequence: next to the labels, which sit
    # on the left in English and on the right in Persian (width 150 + 5 × 70 + 10).
    assert '<rect x="150" y="340"' in ltr
    assert '<rect x="290" y="340"' in rtl
