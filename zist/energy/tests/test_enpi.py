from decimal import Decimal

import pytest

from zist.energy import services


def test_it_sums_heating_degree_days_above_the_base():
    # 18 − 10 = 8, 18 − 15.5 = 2.5, 20 °C adds nothing, 18 − (−2) = 20
    assert services.hdd([10, "15.5", 20, -2], base=18) == Decimal("30.5")
    assert services.hdd([10, "15.5", 20, -2], base="15.5") == Decimal("23.0")


def test_it_normalises_energy_to_reference_weather():
    # A colder year (3000 HDD against 2500): 1200 MWh used ≈ 1000 MWh in a normal year.
    assert services.normalise(1200, 2500, 3000) == Decimal(1000)
    assert services.normalise(1200, 2500, 0) is None


def test_it_fits_a_regression_baseline_with_r_squared():
    exact = services.fit([0, 10, 20, 30], [100, 150, 200, 250])
    assert (exact.base_load, exact.slope, exact.r2) == (100, 5, 1)
    # Worked example: x 1..5, y 2 4 5 4 5 → slope 0.6, intercept 2.2, R² = 0.6.
    model = services.fit([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])
    assert (model.slope, model.base_load, model.r2) == (
        Decimal("0.6"),
        Decimal("2.2"),
        Decimal("0.6"),
    )
    assert model.predict(6) == Decimal("5.8")


def test_it_refuses_a_baseline_it_cannot_fit():
    with pytest.raises(ValueError):
        services.fit([5, 5, 5], [1, 2, 3])
    with pytest.raises(ValueError):
        services.fit([1], [1])


def test_it_gives_savings_and_cusum():
    predicted, actual = [100, 100, 100], [90, 105, 80]
    assert services.savings(predicted, actual) == [10, -5, 20]
    assert services.cusum(predicted, actual) == [-10, -5, -25]


def test_it_gives_a_ratio_enpi():
    assert services.ratio(150_000, 1_000) == Decimal(150)
    assert services.ratio(150_000, 0) is None
