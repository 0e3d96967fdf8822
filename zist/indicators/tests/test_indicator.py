import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zist.indicators.models import Indicator, IndicatorValue, MonitoringSettings, settings_for
from zist.indicators.testing import make_indicator


def test_it_stores_a_value_in_the_indicators_unit(cast):
    waste = make_indicator(cast.region, code="WASTE", measure_unit="t")
    value = IndicatorValue(
        indicator=waste,
        unit=cast.inside,
        period_start=dt.date(2024, 3, 20),
        period_end=dt.date(2024, 4, 19),
        value=Decimal("2500"),
        value_unit="kg",
    )
    value.full_clean()
    value.save()
    assert value.normalised == Decimal("2.5")


def test_it_refuses_an_incompatible_unit_and_a_unit_outside_the_indicator(cast):
    waste = make_indicator(cast.inside, code="WASTE", measure_unit="t")
    value = IndicatorValue(
        indicator=waste,
        unit=cast.outside,
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 1, 31),
        value=1,
        value_unit="kWh",
    )
    with pytest.raises(ValidationError) as error:
        value.full_clean()
    assert {"unit", "value_unit"} <= set(error.value.message_dict)


def test_it_requires_a_readable_formula_for_a_derived_indicator(cast):
    indicator = Indicator(
        unit=cast.region, code="LPD", name="x", measure_unit="L", source="formula", formula="A +"
    )
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "formula" in error.value.message_dict
    indicator.formula = "WATER * 1000 / INHABITANTS / DAYS"
    indicator.full_clean()


def test_it_shows_region_indicators_to_a_district_but_not_a_sibling_districts(cast, make_user):
    rep = make_user("environmental_representative", cast.inside)
    regional = make_indicator(cast.region)
    sibling = make_indicator(cast.outside)
    own = make_indicator(cast.inside)
    assert set(Indicator.objects.restrict(rep, "view")) == {regional, own}
    assert set(Indicator.objects.restrict(rep, "change")) == {own}
    assert sibling not in Indicator.objects.restrict(rep, "view")


def test_it_takes_the_nearest_settings_up_the_tree(cast):
    root = MonitoringSettings.objects.create(unit=cast.tehran_root, grid_region="IR")
    assert settings_for(cast.inside) == root
    own = MonitoringSettings.objects.create(unit=cast.inside, grid_region="IR-TEH")
    assert settings_for(cast.inside) == own
    assert settings_for(cast.outside) == root
