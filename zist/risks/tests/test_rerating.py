"""Changing a matrix rates its risks again: worked examples on a 5 × 5 matrix with the
bands low from 1, medium from 5 and high from 12."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from zist.organisations.services import move_unit
from zist.risks.models import Risk, RiskBand, RiskMatrix
from zist.users.roles import Role


@pytest.fixture
def matrix(cast):
    matrix = RiskMatrix.objects.create(unit=cast.region, name="Region 2 matrix")
    for level, minimum, colour in (
        ("low", 1, "#2e7d4f"),
        ("medium", 5, "#f2c94c"),
        ("high", 12, "#eb5757"),
    ):
        RiskBand.objects.create(matrix=matrix, level=level, minimum=minimum, colour=colour)
    return matrix


@pytest.fixture
def manager(cast, make_user):
    return make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)


def _risk(unit, title, likelihood, consequence, residual=(None, None)):
    return Risk.objects.create(
        unit=unit,
        title=title,
        likelihood=likelihood,
        consequence=consequence,
        residual_likelihood=residual[0],
        residual_consequence=residual[1],
    )


def _band(matrix, level):
    return RiskBand.objects.get(matrix=matrix, level=level)


def _state(risk):
    risk.refresh_from_db()
    return (
        risk.rating,
        risk.band.level if risk.band else None,
        risk.residual_rating,
        risk.residual_band.level if risk.residual_band else None,
        risk.history.count(),
    )


def _api(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def _matrix_form(matrix, **changes):
    data = {
        "unit": matrix.unit_id,
        "name": matrix.name,
        "likelihood_levels": matrix.likelihood_levels,
        "consequence_levels": matrix.consequence_levels,
        "likelihood_labels": matrix.likelihood_labels,
        "consequence_labels": matrix.consequence_labels,
    }
    return {**data, **changes}


def test_it_rates_the_worked_example(cast, matrix):
    # 3 × 4 = 12 is exactly the high band's minimum; 2 × 5 = 10 stays medium.
    assert _state(_risk(cast.inside, "Flooded underpass", 3, 4)) == (12, "high", None, None, 1)
    assert _state(_risk(cast.inside, "Dust", 2, 5)) == (10, "medium", None, None, 1)


def test_it_moves_risks_up_when_the_high_band_is_lowered_on_the_page(cast, matrix, manager, client):
    flood = _risk(cast.inside, "Flooded underpass", 3, 4)
    dust = _risk(cast.inside, "Dust", 2, 5)
    client.force_login(manager)
    response = client.post(
        reverse("risks:riskband_edit", args=[_band(matrix, "high").pk]),
        {"matrix": matrix.pk, "level": "high", "minimum": 10, "colour": "#eb5757"},
    )
    assert response.status_code == 302
    assert _state(dust) == (10, "high", None, None, 2)  # one history row for the move
    assert _state(flood) == (12, "high", None, None, 1)  # unchanged: no history row
    assert dust.history.first().history_user == manager


def test_it_moves_risks_down_when_the_high_band_is_raised_through_the_api(cast, matrix, manager):
    flood = _risk(cast.inside, "Flooded underpass", 3, 4, residual=(3, 5))
    response = _api(manager).patch(
        f"/api/risks/riskbands/{_band(matrix, 'high').pk}/", {"minimum": 15}, format="json"
    )
    assert response.status_code == 200, response.content
    # 12 falls to medium; the residual 3 × 5 = 15 stays high. One row for both changes.
    assert _state(flood) == (12, "medium", 15, "high", 2)
    before = flood.history.all()[1]
    assert before.band_id == _band(matrix, "high").pk


def test_it_rebands_when_a_band_is_added_or_deleted(cast, matrix, manager, client):
    flood = _risk(cast.inside, "Flooded underpass", 4, 5)
    client.force_login(manager)
    response = client.post(
        reverse("risks:riskband_add"),
        {"matrix": matrix.pk, "level": "extreme", "minimum": 20, "colour": "#000000"},
    )
    assert response.status_code == 302
    assert _state(flood) == (20, "extreme", None, None, 2)
    extreme = _band(matrix, "extreme")
    assert client.post(reverse("risks:riskband_delete", args=[extreme.pk])).status_code == 302
    # Back to high, with its own history row (not a silent SET NULL).
    assert _state(flood) == (20, "high", None, None, 3)


def test_it_leaves_a_risk_below_every_band_when_the_lowest_band_is_deleted(cast, matrix, manager):
    small = _risk(cast.inside, "Litter", 1, 2)
    assert _state(small) == (2, "low", None, None, 1)
    response = _api(manager).delete(f"/api/risks/riskbands/{_band(matrix, 'low').pk}/")
    assert response.status_code == 204
    assert _state(small) == (2, None, None, None, 2)
    assert small.history.first().band_id is None


def test_it_rerates_both_matrices_when_a_band_moves(cast, matrix, manager):
    other = RiskMatrix.objects.create(unit=cast.region, name="Other")
    RiskBand.objects.create(matrix=other, level="low", minimum=1)
    flood = _risk(cast.inside, "Flooded underpass", 3, 4)
    on_other = Risk.objects.create(
        unit=cast.inside, title="Noise", matrix=other, likelihood=3, consequence=4
    )
    assert _state(on_other)[1] == "low"
    response = _api(manager).patch(
        f"/api/risks/riskbands/{_band(matrix, 'high').pk}/", {"matrix": other.pk}, format="json"
    )
    assert response.status_code == 200, response.content
    assert _state(flood) == (12, "medium", None, None, 2)
    assert _state(on_other) == (12, "high", None, None, 2)


def test_it_refuses_to_shrink_a_matrix_below_a_level_in_use(cast, matrix, manager, client):
    _risk(cast.inside, "Flooded underpass", 5, 2)
    rows_before = matrix.history.count()
    client.force_login(manager)
    response = client.post(
        reverse("risks:riskmatrix_edit", args=[matrix.pk]),
        _matrix_form(matrix, likelihood_levels=4),
    )
    assert response.status_code == 400
    assert response.context["form"].errors["likelihood_levels"] == [
        "1 risk is rated at a likelihood level above 4 (before or after treatment); "
        "re-rate it first."
    ]
    response = _api(manager).patch(
        f"/api/risks/matrices/{matrix.pk}/", {"likelihood_levels": 4}, format="json"
    )
    assert response.status_code == 400
    assert "likelihood level above 4" in response.json()["likelihood_levels"][0]
    matrix.refresh_from_db()
    assert matrix.likelihood_levels == 5
    assert matrix.history.count() == rows_before


def test_it_counts_every_risk_that_blocks_a_shrink(cast, matrix, manager):
    _risk(cast.inside, "a", 4, 1)
    _risk(cast.inside, "b", 5, 5)
    _risk(cast.outside, "c", 1, 1, residual=(4, 1))  # after treatment counts too
    _risk(cast.inside, "d", 3, 3)
    response = _api(manager).patch(
        f"/api/risks/matrices/{matrix.pk}/",
        {"likelihood_levels": 3, "consequence_levels": 4},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {
        "likelihood_levels": [
            "3 risks are rated at likelihood levels above 3 (before or after treatment); "
            "re-rate them first."
        ],
        "consequence_levels": [
            "1 risk is rated at a consequence level above 4 (before or after treatment); "
            "re-rate it first."
        ],
    }


def test_it_refuses_a_shrinking_import_and_applies_a_growing_one(cast, matrix, manager, client):
    flood = _risk(cast.inside, "Flooded underpass", 5, 2)
    client.force_login(manager)

    def upload(levels):
        text = f"Unit,Name,Likelihood levels\nregion2,Region 2 matrix,{levels}\n"
        return client.post(
            reverse("risks:riskmatrix_import"),
            {"file": SimpleUploadedFile("m.csv", text.encode(), content_type="text/csv")},
        )

    response = upload(4)
    assert response.status_code == 400
    assert "re-rate it first" in " ".join(response.context["result"].errors[0].messages)
    matrix.refresh_from_db()
    assert matrix.likelihood_levels == 5
    assert upload(6).status_code == 302
    matrix.refresh_from_db()
    assert (RiskMatrix.objects.count(), matrix.likelihood_levels) == (1, 6)
    assert _state(flood) == (10, "medium", None, None, 1)


def test_it_grows_a_matrix_without_touching_its_risks(cast, matrix, manager, client):
    flood = _risk(cast.inside, "Flooded underpass", 5, 2)
    client.force_login(manager)
    response = client.post(
        reverse("risks:riskmatrix_edit", args=[matrix.pk]),
        _matrix_form(matrix, likelihood_levels=6, consequence_levels=7),
    )
    assert response.status_code == 302
    matrix.refresh_from_db()
    assert (matrix.likelihood_levels, matrix.consequence_levels) == (6, 7)
    assert _state(flood) == (10, "medium", None, None, 1)


def test_it_repairs_stale_bands_when_the_matrix_is_saved(cast, matrix, manager):
    flood = _risk(cast.inside, "Flooded underpass", 3, 4)
    # As the register was before re-rating existed: a band changed without its risks.
    RiskBand.objects.filter(pk=_band(matrix, "high").pk).update(minimum=13)
    response = _api(manager).patch(
        f"/api/risks/matrices/{matrix.pk}/", {"name": "Region 2 matrix 2026"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert _state(flood) == (12, "medium", None, None, 2)


def test_it_rerates_risks_the_editor_cannot_see(cast, matrix, make_user, client):
    """District 4 moves out of Region 2 (a reorganisation): its risk stays on Region 2's
    matrix, out of the Region 2 manager's reach. The manager changes the bands; the
    risk follows them. The bands are derived from the matrix, which is the manager's to
    change; leaving the risk on the old bands would contradict its matrix."""
    hidden = _risk(cast.outside, "Chemical store", 3, 4)
    visible = _risk(cast.inside, "Flooded underpass", 3, 4)
    move_unit(cast.outside, cast.tehran_root)
    manager = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region)
    assert not Risk.objects.restrict(manager, "view").filter(pk=hidden.pk).exists()
    client.force_login(manager)
    page = client.get(reverse("risks:riskmatrix_detail", args=[matrix.pk])).content.decode()
    assert "1 risk is rated on this matrix." in page
    assert "1 more is in units you cannot see." in page
    response = client.post(
        reverse("risks:riskband_edit", args=[_band(matrix, "high").pk]),
        {"matrix": matrix.pk, "level": "high", "minimum": 15, "colour": "#eb5757"},
    )
    assert response.status_code == 302
    assert _state(visible)[1] == _state(hidden)[1] == "medium"
    assert hidden.history.first().history_user == manager
    # …and the hidden risk's levels hold the matrix's size like any other.
    response = client.post(
        reverse("risks:riskmatrix_edit", args=[matrix.pk]),
        _matrix_form(matrix, consequence_levels=3),
    )
    assert response.status_code == 400
    assert "2 risks are rated at consequence levels above 3" in str(
        response.context["form"].errors["consequence_levels"]
    )


def test_it_says_how_many_risks_are_rated_on_the_matrix(cast, matrix, manager, client):
    client.force_login(manager)
    url = reverse("risks:riskmatrix_detail", args=[matrix.pk])
    assert "No risks are rated on this matrix yet." in client.get(url).content.decode()
    for title in ("a", "b", "c"):
        _risk(cast.inside, title, 2, 2)
    page = client.get(url).content.decode()
    assert "3 risks are rated on this matrix." in page
    assert f"/en/risks/risks/?matrix={matrix.pk}" in page
    listed = client.get(f"/en/risks/risks/?matrix={matrix.pk}").content.decode()
    assert all(f">{title}<" in listed for title in ("a", "b", "c"))


def test_it_refuses_a_shrink_in_persian_with_persian_digits(cast, matrix, make_user, client):
    _risk(cast.inside, "Flooded underpass", 5, 2)
    user = make_user(Role.ENVIRONMENTAL_MANAGER, cast.region, language="fa")
    client.force_login(user)
    response = client.post(
        f"/fa/risks/matrices/{matrix.pk}/edit/", _matrix_form(matrix, likelihood_levels=4)
    )
    assert response.status_code == 400
    message = response.context["form"].errors["likelihood_levels"][0]
    assert message == (
        "۱ ریسک در سطح احتمالی بالاتر از ۴ رتبه‌بندی شده است (پیش یا پس از اقدام)؛ "
        "نخست آن را دوباره رتبه‌بندی کنید."
    )
