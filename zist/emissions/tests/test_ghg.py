import datetime as dt
from decimal import Decimal

from zist.emissions import services
from zist.emissions.models import EmissionFactor, Instrument
from zist.indicators.models import MonitoringSettings
from zist.meters import imports
from zist.meters.models import Reading
from zist.meters.services import period_bounds
from zist.meters.testing import make_meter


def shipped(carrier):
    return EmissionFactor.objects.get(unit=None, carrier=carrier, gas="co2")


def test_it_turns_one_terajoule_of_natural_gas_into_56_1_tonnes(db):
    gas = shipped("natural_gas")
    kg = services.emissions_kg(Decimal(1), "TJ", gas.value, gas.factor_unit, gas.conversion)
    assert kg / 1000 == Decimal("56.1")


def test_it_uses_the_stated_calorific_value_and_density_for_volumes(db):
    gas = shipped("natural_gas")
    per_m3 = services.emissions_kg(Decimal(1), "m³", gas.value, gas.factor_unit, gas.conversion)
    assert per_m3 == Decimal("2.0196")  # 36 MJ/m³ × 56 100 kg/TJ ≈ 2.02 kg/m³
    diesel = shipped("diesel")
    per_litre = services.emissions_kg(
        Decimal(1), "L", diesel.value, diesel.factor_unit, diesel.conversion
    )
    assert per_litre == Decimal("2.676492")  # 0.84 kg/L × 43 MJ/kg × 74 100 kg/TJ ≈ 2.68
    per_kwh = services.emissions_kg(Decimal(1), "kWh", gas.value, gas.factor_unit)
    assert round(per_kwh, 4) == Decimal("0.2020")


def test_it_weights_gases_by_the_organisations_assessment_report(db):
    class F:
        def __init__(self, value):
            self.value, self.factor_unit, self.conversion = Decimal(value), "kg/TJ", ""

    factors = {"co2": F(56100), "ch4": F(1), "n2o": F("0.1")}
    assert services.co2e_kg(1, "TJ", factors, "AR5") == Decimal("56100") + 28 + Decimal("26.5")
    assert services.co2e_kg(1, "TJ", factors, "AR4") == Decimal("56100") + 25 + Decimal("29.8")


def test_it_picks_the_regions_latest_factor_valid_in_the_year(cast):
    def factor(region, year, unit=None):
        return EmissionFactor.objects.create(
            unit=unit,
            carrier="electricity",
            value=1,
            factor_unit="kg/kWh",
            region=region,
            valid_from=year,
            source="t",
        )

    old, new, future = factor("IR", 2020), factor("IR", 2023), factor("IR", 2026)
    other, anywhere = factor("DK", 2024), factor("", 2024)
    factors = [old, new, future, other, anywhere]
    assert services.pick_factors(factors, "electricity", "IR", 2024)["co2"] == new
    assert services.pick_factors(factors, "electricity", "FI", 2024)["co2"] == anywhere
    own = factor("IR", 2023, unit=cast.tehran_root)
    assert services.pick_factors([*factors, own], "electricity", "IR", 2024)["co2"] == own


def test_it_computes_scope_1_and_2_per_unit_traceable_to_the_factors(cast, make_user):
    MonitoringSettings.objects.create(unit=cast.tehran_root, grid_region="IR", gwp_set="AR6")
    grid = EmissionFactor.objects.create(
        unit=cast.tehran_root,
        carrier="electricity",
        value="0.5",
        factor_unit="kg/kWh",
        region="IR",
        valid_from=2024,
        source="demo grid factor",
    )
    make_meter(cast.inside, code="G1", carrier="natural_gas", measure_unit="m³")
    make_meter(cast.inside, code="E1")
    make_meter(cast.outside, code="E2")
    data = (
        b"meter,timestamp,value\n"
        b"G1,2024-03-20,0\nG1,2024-04-20,1000\n"
        b"E1,2024-03-20,0\nE1,2024-04-20,10000\n"
        b"E2,2024-03-20,0\nE2,2024-04-20,4000\n"
    )
    assert imports.import_readings(data, "f.csv", cast.region).ok
    Instrument.objects.create(
        unit=cast.inside,
        year=1403,
        kind="guarantee_of_origin",
        quantity=4000,
        factor=0,
        reference="GO wind",
    )
    start, end = period_bounds(dt.date(2024, 3, 20), dt.date(2025, 3, 21), "Asia/Tehran")
    lines = services.inventory(Reading.objects.all(), cast.region, start, end, 1403)
    by_meter_unit = {(line.unit_id, line.carrier): line for line in lines}
    gas = by_meter_unit[(cast.inside.pk, "natural_gas")]
    assert gas.scope == 1 and gas.location_t == Decimal("2.0196")
    assert gas.factors == [EmissionFactor.objects.get(unit=None, carrier="natural_gas")]
    power = by_meter_unit[(cast.inside.pk, "electricity")]
    assert (power.location_t, power.market_t) == (Decimal(5), Decimal(3))
    assert power.factors == [grid]
    totals = services.scope_totals_t(lines)
    assert totals["scope2_location"] == Decimal(7)  # 5 t in District 3 + 2 t in District 4
    # A district representative's inventory holds her district only.
    rep = make_user("environmental_representative", cast.inside)
    own = services.inventory(Reading.objects.restrict(rep), cast.region, start, end, 1403)
    assert {line.unit_id for line in own} == {cast.inside.pk}


def test_it_shows_the_inventory_with_its_factors_only_inside_her_district(cast, make_user, client):
    make_meter(cast.inside, code="G1", carrier="natural_gas", measure_unit="m³")
    make_meter(cast.outside, code="G2", carrier="natural_gas", measure_unit="m³")
    data = b"meter,timestamp,value\nG1,2024-03-20,0\nG1,2024-04-20,1000\nG2,2024-03-20,0\nG2,2024-04-20,5000\n"
    assert imports.import_readings(data, "g.csv", cast.region).ok
    rep = make_user("environmental_representative", cast.inside)
    client.force_login(rep)
    url = "/en/emissions/inventory/"
    page = client.get(url, {"unit": cast.inside.pk, "year": 1403}).content.decode()
    assert "2.020" in page and "56,100 kg/TJ" in page  # 1000 m³ at the IPCC default
    assert "10.098" not in page  # District 4's 5000 m³
    assert client.get(url, {"unit": cast.outside.pk, "year": 1403}).status_code == 404


def test_a_factors_year_reads_as_a_year_not_a_quantity():
    from zist.core.display import display
    from zist.emissions.models import EmissionFactor

    field = EmissionFactor._meta.get_field("valid_from")
    assert display(2006, field) == "2006"
    assert display(2006) == "2,006"  # a plain number is grouped (English)
